package routes.local.dynamodb.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import routes.local.dynamodb.value.Value;

/** Every conditional write parses its expression, so parsing must stay in the microseconds. */
class ParsingSpeedTest {

    private static final String EXPRESSION = "attribute_not_exists(pk) AND #v = :v";
    private static final Map<String, String> NAMES = Map.of("#v", "version");
    private static final Map<String, Value> VALUES = Map.of(":v", Value.n(3));

    @Test
    void aTypicalConditionParsesInAFewMicroseconds() {
        // the best of several rounds: the first ones run before the JIT compiler is done, and the machine is shared
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 12 && best > 5.0; round++) {
            int runs = 50_000;
            long start = System.nanoTime();
            for (int i = 0; i < runs; i++) parse();
            best = Math.min(best, (System.nanoTime() - start) / 1000.0 / runs);
        }
        System.out.printf("parsing %s took %.2f µs at best%n", EXPRESSION, best);
        assertThat(best).isLessThan(20.0);
    }

    private static void parse() {
        Condition condition = Expressions.condition(EXPRESSION, new ExpressionAttributes(NAMES, VALUES));
        if (condition == null) throw new AssertionError();
    }
}
