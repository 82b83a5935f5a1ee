package routes.local.dynamodb.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import routes.local.dynamodb.engine.Commit;
import routes.local.dynamodb.engine.ItemChange;
import routes.local.dynamodb.value.Value;

class CommitJsonTest {

    @Test
    void everyCommitTypeRoundTrips() {
        for (Commit commit : Commits.everyKind()) {
            assertThat(CommitJson.read(CommitJson.write(commit))).isEqualTo(commit);
        }
    }

    @Property(tries = 200)
    void anyNestedValueRoundTrips(@ForAll("values") Value value) {
        Commit commit = new Commit.ItemsChanged(Commits.AT, List.of(new ItemChange("t", Commits.key("k", 1), null,
                Map.of("pk", Value.s("k"), "v", value))), false);

        assertThat(CommitJson.read(CommitJson.write(commit))).isEqualTo(commit);
    }

    @Provide
    Arbitrary<Value> values() {
        Arbitrary<Value> scalars = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(20).map(Value::s),
                Arbitraries.bigDecimals().between(new java.math.BigDecimal("-1E20"), new java.math.BigDecimal("1E20"))
                        .ofScale(5).map(n -> (Value) new Value.N(n)),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(10).map(b -> (Value) new Value.B(new Value.Bytes(b))),
                Arbitraries.of(true, false).map(Value::bool),
                Arbitraries.just(Value.nul()),
                Arbitraries.strings().alpha().ofMinLength(1).set().ofMinSize(1).ofMaxSize(4).map(s -> (Value) new Value.SS(s)));
        return Arbitraries.recursive(() -> scalars, inner -> Arbitraries.oneOf(
                inner.list().ofMaxSize(3).map(l -> (Value) new Value.L(l)),
                Arbitraries.maps(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(5), inner).ofMaxSize(3)
                        .map(m -> (Value) new Value.M(m))), 0, 3);
    }
}
