package routes.local.dynamodb.expr;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static routes.local.dynamodb.expr.TestValues.attributes;
import static routes.local.dynamodb.expr.TestValues.item;
import static routes.local.dynamodb.expr.TestValues.n;
import static routes.local.dynamodb.expr.TestValues.names;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Developer Guide, "Expression attribute names" and "Expression attribute values". */
class ExpressionAttributesTest {

    @Test
    void placeholdersUsedByAnyExpressionOfTheRequestCount() {
        ExpressionAttributes attributes = attributes(names("#a", "a", "#b", "b"), ":v", n(1), ":w", n(2));
        Expressions.condition("#a = :v", attributes);
        Expressions.update("SET #b = :w", attributes);
        assertThatCode(attributes::requireAllUsed).doesNotThrowAnyException();
    }

    @Test
    void unusedNamesAreReportedBeforeUnusedValues() {
        ExpressionAttributes attributes = attributes(names("#a", "a", "#b", "b", "#c", "c"), ":v", n(1), ":w", n(2));
        Expressions.condition("#a = :v", attributes);
        assertThatThrownBy(attributes::requireAllUsed).hasMessage("Value provided in ExpressionAttributeNames unused in expressions: keys: {#b, #c}");
        Expressions.projection("#b, #c", attributes);
        assertThatThrownBy(attributes::requireAllUsed).hasMessage("Value provided in ExpressionAttributeValues unused in expressions: keys: {:w}");
    }

    @Test
    void emptyMapsAndKeysThatAreNotPlaceholdersAreRejected() {
        assertThatThrownBy(() -> new ExpressionAttributes(Map.of(), null).requireWellFormed())
                .hasMessage("ExpressionAttributeNames must not be empty");
        assertThatThrownBy(() -> new ExpressionAttributes(null, Map.of()).requireWellFormed())
                .hasMessage("ExpressionAttributeValues must not be empty");
        assertThatThrownBy(() -> new ExpressionAttributes(names("a", "a"), null).requireWellFormed())
                .hasMessage("ExpressionAttributeNames contains invalid key: Syntax error; key: \"a\"");
        assertThatThrownBy(() -> new ExpressionAttributes(null, item("v", n(1))).requireWellFormed())
                .hasMessage("ExpressionAttributeValues contains invalid key: Syntax error; key: \"v\"");
        assertThatCode(() -> attributes(names("#a", "a"), ":v", n(1)).requireWellFormed()).doesNotThrowAnyException();
        assertThatCode(() -> ExpressionAttributes.none().requireWellFormed()).doesNotThrowAnyException();
    }
}
