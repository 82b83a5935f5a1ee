package routes.local.dynamodb.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static routes.local.dynamodb.expr.TestValues.attributes;
import static routes.local.dynamodb.expr.TestValues.item;
import static routes.local.dynamodb.expr.TestValues.list;
import static routes.local.dynamodb.expr.TestValues.map;
import static routes.local.dynamodb.expr.TestValues.n;
import static routes.local.dynamodb.expr.TestValues.names;
import static routes.local.dynamodb.expr.TestValues.s;

import java.util.Map;
import org.junit.jupiter.api.Test;
import routes.local.dynamodb.value.Value;

/** Developer Guide, "Projection expressions". */
class ProjectionExpressionTest {

    private static final Map<String, Value> ITEM = item(
            "pk", s("order#1"),
            "qty", n(5),
            "parts", list(s("a"), map("id", s("b"), "weight", n(2)), s("c")),
            "address", map("city", s("Oslo"), "zip", n(150), "street", list(s("x"), s("y"))));

    private static Map<String, Value> project(String expression) {
        return Expressions.projection(expression, ExpressionAttributes.none()).apply(ITEM);
    }

    @Test
    void topLevelNamesKeepOnlyThoseAttributes() {
        assertThat(project("pk, qty")).isEqualTo(item("pk", s("order#1"), "qty", n(5)));
        assertThat(project("pk, absent")).isEqualTo(item("pk", s("order#1")));
    }

    @Test
    void nestedPathsKeepTheirEnclosingMapsAndLists() {
        assertThat(project("address.city")).isEqualTo(item("address", map("city", s("Oslo"))));
        assertThat(project("address.city, address.street[1]")).isEqualTo(item("address", map("city", s("Oslo"), "street", list(s("y")))));
        assertThat(project("parts[2], parts[0]")).isEqualTo(item("parts", list(s("a"), s("c"))));
        assertThat(project("parts[1].weight")).isEqualTo(item("parts", list(map("weight", n(2)))));
    }

    @Test
    void pathsThatReachNothingLeaveNothing() {
        assertThat(project("address.town, parts[9], qty.x")).isEmpty();
    }

    @Test
    void placeholdersAndReservedWordsFollowTheRulesOfEveryExpression() {
        Projection projection = Expressions.projection("#n, #a.#c", attributes(names("#n", "name", "#a", "address", "#c", "city")));
        assertThat(projection.apply(item("name", s("x"), "address", map("city", s("Oslo"))))).isEqualTo(
                item("name", s("x"), "address", map("city", s("Oslo"))));
        assertThatThrownBy(() -> project("name"))
                .hasMessage("Invalid ProjectionExpression: Attribute name is a reserved keyword; reserved keyword: name");
        assertThatThrownBy(() -> project("pk,"))
                .hasMessage("Invalid ProjectionExpression: Syntax error; token: \"<EOF>\", near: \",\"");
    }

    @Test
    void overlappingPathsAreRejected() {
        assertThatThrownBy(() -> project("address, address.city")).hasMessage("Invalid ProjectionExpression: Two document paths overlap "
                + "with each other; must remove or rewrite one of these paths; path one: [address], path two: [address, city]");
        assertThatThrownBy(() -> project("parts[0], parts.id")).hasMessage("Invalid ProjectionExpression: Two document paths conflict "
                + "with each other; must remove or rewrite one of these paths; path one: [parts, [0]], path two: [parts, id]");
    }

    @Test
    void pathsAndToStringDescribeTheProjection() {
        Projection projection = Expressions.projection("pk, #a.city", attributes(names("#a", "address")));
        assertThat(projection.paths()).extracting(Object::toString).containsExactly("[pk]", "[address, city]");
        assertThat(projection.toString()).isEqualTo("Projection[pk, #a(address).city]");
    }
}
