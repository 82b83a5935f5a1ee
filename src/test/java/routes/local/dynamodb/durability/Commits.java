package routes.local.dynamodb.durability;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import routes.local.dynamodb.DynamoDbEmulatorSettings;
import routes.local.dynamodb.engine.Commit;
import routes.local.dynamodb.engine.ItemChange;
import routes.local.dynamodb.engine.TableDefinition;
import routes.local.dynamodb.streams.Streams;
import routes.local.dynamodb.value.Value;

/** Commits of every kind, carrying every value type, for the durability tests. */
final class Commits {

    static final Instant AT = Instant.parse("2026-11-30T12:00:00.123456789Z");
    static final DynamoDbEmulatorSettings SETTINGS = new DynamoDbEmulatorSettings("127.0.0.1", 0, "us-east-1",
            "000000000000", null, Duration.ofHours(4), Duration.ofHours(24), Duration.ofMinutes(15), Duration.ofSeconds(5));

    private Commits() {}

    static Streams streams() {
        return new Streams(SETTINGS, Clock.fixed(AT.plus(Duration.ofHours(1)), ZoneOffset.UTC));
    }

    static TableDefinition table(String name, boolean stream) {
        return new TableDefinition(name, Map.of("pk", Value.Type.S, "sk", Value.Type.N, "g", Value.Type.B),
                new TableDefinition.KeySchema("pk", "sk"),
                List.of(new TableDefinition.IndexDefinition("byG", new TableDefinition.KeySchema("g", null), "INCLUDE", List.of("x"))),
                List.of(new TableDefinition.IndexDefinition("bySk", new TableDefinition.KeySchema("pk", "x"), "KEYS_ONLY", null)),
                "PAY_PER_REQUEST", stream ? new TableDefinition.StreamSettings("NEW_AND_OLD_IMAGES") : null,
                stream ? "2026-11-30T12:00:00.123" : null, stream ? "expires" : null, AT);
    }

    static Map<String, Value> key(String pk, long sk) {
        Map<String, Value> key = new LinkedHashMap<>();
        key.put("pk", Value.s(pk));
        key.put("sk", Value.n(sk));
        return key;
    }

    /** An item with one attribute of each of the ten types. */
    static Map<String, Value> everyType(String pk, long sk) {
        Map<String, Value> item = new LinkedHashMap<>(key(pk, sk));
        item.put("s", Value.s("text ünïcödé"));
        item.put("n", Value.n("-12.5E-3"));
        item.put("b", new Value.B(new Value.Bytes(new byte[] {0, 1, (byte) 255})));
        item.put("bool", Value.bool(true));
        item.put("null", Value.nul());
        item.put("l", new Value.L(List.of(Value.s("a"), Value.n(1), new Value.L(List.of()))));
        item.put("m", new Value.M(Map.of("inner", new Value.M(Map.of("deep", Value.bool(false))))));
        item.put("ss", new Value.SS(Set.of("x", "y")));
        item.put("ns", new Value.NS(Set.of(BigDecimal.ONE, new BigDecimal("2.5"))));
        item.put("bs", new Value.BS(Set.of(new Value.Bytes(new byte[] {9}))));
        return item;
    }

    static Commit put(String table, String pk, long sk, int second) {
        return new Commit.ItemsChanged(AT.plusSeconds(second),
                List.of(new ItemChange(table, key(pk, sk), null, everyType(pk, sk))), false);
    }

    /** One of each commit type, in an order a database could produce. */
    static List<Commit> everyKind() {
        TableDefinition withStream = table("orders", true);
        return List.of(
                new Commit.TableCreated(AT, withStream),
                new Commit.TableCreated(AT, table("scratch", false)),
                put("orders", "a", 1, 1),
                new Commit.ItemsChanged(AT.plusSeconds(2), List.of(
                        new ItemChange("orders", key("a", 1), everyType("a", 1), key("a", 1)),
                        new ItemChange("scratch", key("z", 9), null, everyType("z", 9))), false),
                new Commit.TableUpdated(AT.plusSeconds(3), table("orders", true)),
                new Commit.ItemsChanged(AT.plusSeconds(4), List.of(new ItemChange("orders", key("a", 1), key("a", 1), null)), true),
                new Commit.TableDeleted(AT.plusSeconds(5), "scratch"));
    }
}
