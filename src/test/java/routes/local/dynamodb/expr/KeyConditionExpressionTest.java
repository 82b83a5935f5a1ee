package routes.local.dynamodb.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static routes.local.dynamodb.expr.TestValues.attributes;
import static routes.local.dynamodb.expr.TestValues.n;
import static routes.local.dynamodb.expr.TestValues.names;
import static routes.local.dynamodb.expr.TestValues.s;
import static routes.local.dynamodb.expr.TestValues.values;

import org.junit.jupiter.api.Test;
import routes.local.dynamodb.expr.KeyCondition.Operator;
import routes.local.dynamodb.expr.KeyCondition.SortKeyCondition;

/** Developer Guide, "Key condition expressions for Query". */
class KeyConditionExpressionTest {

    private static KeyCondition parse(String expression) {
        return Expressions.keyCondition(expression, values(":p", s("order#1"), ":a", n(1), ":b", n(9)));
    }

    @Test
    void aPartitionKeyEqualityAlone() {
        assertThat(parse("pk = :p")).isEqualTo(new KeyCondition("pk", s("order#1"), null));
    }

    @Test
    void everySortKeyOperator() {
        assertThat(parse("pk = :p AND sk < :a").sortKey()).isEqualTo(new SortKeyCondition("sk", Operator.LT, n(1), null));
        assertThat(parse("pk = :p AND sk <= :a").sortKey().operator()).isEqualTo(Operator.LE);
        assertThat(parse("pk = :p AND sk > :a").sortKey().operator()).isEqualTo(Operator.GT);
        assertThat(parse("pk = :p AND sk >= :a").sortKey().operator()).isEqualTo(Operator.GE);
        assertThat(parse("pk = :p AND sk BETWEEN :a AND :b").sortKey()).isEqualTo(new SortKeyCondition("sk", Operator.BETWEEN, n(1), n(9)));
        assertThat(Expressions.keyCondition("pk = :p AND begins_with(sk, :s)", values(":p", s("x"), ":s", s("item#"))).sortKey())
                .isEqualTo(new SortKeyCondition("sk", Operator.BEGINS_WITH, s("item#"), null));
    }

    @Test
    void eitherOrderParenthesesAndValuesOnTheLeft() {
        assertThat(parse("(sk > :a) AND (pk = :p)")).isEqualTo(new KeyCondition("pk", s("order#1"), new SortKeyCondition("sk", Operator.GT, n(1), null)));
        assertThat(parse(":p = pk AND :a < sk").sortKey()).isEqualTo(new SortKeyCondition("sk", Operator.GT, n(1), null));
        assertThat(Expressions.keyCondition("#p = :p", attributes(names("#p", "status"), ":p", s("x"))).partitionKeyName()).isEqualTo("status");
    }

    @Test
    void twoEqualitiesAreSortedOutAgainstTheSchema() {
        KeyCondition condition = parse("sk = :a AND pk = :p");
        assertThat(condition.forSchema("pk", "sk")).isEqualTo(new KeyCondition("pk", s("order#1"), new SortKeyCondition("sk", Operator.EQ, n(1), null)));
        assertThatThrownBy(() -> parse("extra = :p").forSchema("pk", "sk")).hasMessage("Query condition missed key schema element: pk");
        assertThatThrownBy(() -> parse("pk = :p AND extra > :a").forSchema("pk", "sk")).hasMessage("Query condition missed key schema element: sk");
    }

    @Test
    void operatorsQueryCannotUseAreRejected() {
        assertThatThrownBy(() -> parse("pk = :p OR sk = :a")).hasMessage("Invalid operator used in KeyConditionExpression: OR");
        assertThatThrownBy(() -> parse("pk = :p AND NOT sk = :a")).hasMessage("Invalid operator used in KeyConditionExpression: NOT");
        assertThatThrownBy(() -> parse("pk = :p AND sk <> :a")).hasMessage("Invalid operator used in KeyConditionExpression: <>");
        assertThatThrownBy(() -> parse("pk = :p AND sk IN (:a, :b)")).hasMessage("Invalid operator used in KeyConditionExpression: IN");
        assertThatThrownBy(() -> parse("pk = :p AND attribute_exists(sk)"))
                .hasMessage("Invalid operator used in KeyConditionExpression: attribute_exists");
        assertThatThrownBy(() -> parse("pk = :p AND contains(sk, :a)")).hasMessage("Invalid operator used in KeyConditionExpression: contains");
    }

    @Test
    void shapesQueryCannotUseAreRejected() {
        assertThatThrownBy(() -> parse("pk = :p AND pk > :a")).hasMessage("KeyConditionExpressions must only contain one condition per key");
        assertThatThrownBy(() -> parse("pk = :p AND sk > :a AND extra < :b")).hasMessage("Conditions can be of length 1 or 2 only");
        assertThatThrownBy(() -> parse("pk.deep = :p")).hasMessage("KeyConditionExpressions cannot have conditions on nested attributes");
        assertThatThrownBy(() -> parse("pk = sk")).hasMessage("Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition");
        assertThatThrownBy(() -> parse(":p = :a")).hasMessage("Invalid condition in KeyConditionExpression: No key attribute specified");
        assertThatThrownBy(() -> parse("sk > :a")).hasMessage("Query key condition not supported");
        assertThatThrownBy(() -> parse("pk = :p AND size(sk) > :a")).hasMessage("KeyConditionExpressions cannot contain nested operations");
        assertThatThrownBy(() -> parse("pk = :p AND")).hasMessage("Invalid KeyConditionExpression: Syntax error; token: \"<EOF>\", near: \"AND\"");
    }
}
