package routes.local.dynamodb.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static routes.local.dynamodb.expr.TestValues.attributes;
import static routes.local.dynamodb.expr.TestValues.n;
import static routes.local.dynamodb.expr.TestValues.names;
import static routes.local.dynamodb.expr.TestValues.values;

import org.junit.jupiter.api.Test;

/** Developer Guide, "Reserved words in DynamoDB". */
class ReservedWordsTest {

    @Test
    void theWholeListIsLoaded() {
        assertThat(ReservedWords.size()).isEqualTo(573);
        assertThat(ReservedWords.contains("ABORT")).isTrue();
        assertThat(ReservedWords.contains("ZONE")).isTrue();
        assertThat(ReservedWords.contains("widget")).isFalse();
    }

    @Test
    void theListIgnoresCase() {
        assertThat(ReservedWords.contains("status")).isTrue();
        assertThat(ReservedWords.contains("Status")).isTrue();
    }

    @Test
    void aReservedWordAsAPlainNameIsRejectedAnywhereInAPath() {
        assertThatThrownBy(() -> Expressions.condition("status = :v", values(":v", n(1))))
                .hasMessage("Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: status");
        assertThatThrownBy(() -> Expressions.condition("a.Data = :v", values(":v", n(1))))
                .hasMessage("Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: Data");
    }

    @Test
    void aPlaceholderStandsInForAReservedWord() {
        assertThat(Expressions.condition("#s = :v", attributes(names("#s", "status"), ":v", n(1)))
                .test(TestValues.item("status", n(1)))).isTrue();
    }
}
