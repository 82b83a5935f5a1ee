package routes.local.dynamodb.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import routes.local.dynamodb.engine.TableDefinition.KeySchema;
import routes.local.dynamodb.value.Value;

/** The database's contract with the durability log: replay applies without listeners, snapshot rebuilds the state. */
class DatabaseTest {

    private static final Instant T0 = Instant.parse("2026-11-30T12:00:00Z");

    private static TableDefinition table(String name) {
        return new TableDefinition(name, Map.of("pk", Value.Type.S), new KeySchema("pk", null), List.of(), List.of(),
                "PAY_PER_REQUEST", null, null, null, T0);
    }

    private static ItemChange insert(String table, String pk, String v) {
        return new ItemChange(table, Map.of("pk", Value.s(pk)), null, Map.of("pk", Value.s(pk), "v", Value.s(v)));
    }

    @Test
    void replayAppliesCommitsWithoutTellingListeners() {
        Database database = new Database(Clock.fixed(T0, ZoneOffset.UTC));
        List<Commit> heard = new ArrayList<>();
        database.addListener(commit -> {
            heard.add(commit);
            return 0;
        });

        database.replay(new Commit.TableCreated(T0, table("orders")));
        database.replay(new Commit.ItemsChanged(T0, List.of(insert("orders", "a", "1"), insert("orders", "b", "2")), false));
        database.replay(new Commit.ItemsChanged(T0, List.of(new ItemChange("orders", Map.of("pk", Value.s("a")),
                Map.of("pk", Value.s("a"), "v", Value.s("1")), null)), false));

        assertThat(heard).isEmpty();
        long count = database.read(tables -> tables.table("orders").itemCount());
        Map<String, Value> b = database.read(tables -> tables.table("orders").get(new PrimaryKey(Value.s("b"), null)));
        assertThat(count).isEqualTo(1);
        assertThat(b).containsEntry("v", Value.s("2"));
    }

    @Test
    void snapshotReplayedIntoAnEmptyDatabaseGivesTheSameState() {
        Database source = new Database(Clock.fixed(T0, ZoneOffset.UTC));
        source.write(changes -> {
            changes.control(new Commit.TableCreated(changes.now(), table("orders")));
            return null;
        });
        source.write(changes -> {
            changes.change(insert("orders", "a", "1"));
            changes.change(insert("orders", "b", "2"));
            return null;
        });
        source.write(changes -> {
            changes.control(new Commit.TableCreated(changes.now(), table("empty")));
            return null;
        });

        List<Commit> snapshot = source.exclusively(source::snapshot);
        Database copy = new Database(Clock.fixed(T0, ZoneOffset.UTC));
        snapshot.forEach(copy::replay);

        assertThat(snapshot).first().isInstanceOf(Commit.TableCreated.class);
        List<String> names = copy.read(Tables::names);
        List<Map<String, Value>> copied = copy.read(tables -> tables.table("orders").allItems());
        List<Map<String, Value>> original = source.read(tables -> tables.table("orders").allItems());
        assertThat(names).containsExactly("empty", "orders");
        assertThat(copied).hasSize(2).isEqualTo(original);
    }

    @Test
    void commitTimesNeverGoBackwards() {
        Instant[] now = {T0};
        Clock clock = new Clock() {
            @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(java.time.ZoneId zone) { return this; }
            @Override public Instant instant() { return now[0]; }
        };
        Database database = new Database(clock);
        List<Instant> times = new ArrayList<>();
        database.addListener(commit -> {
            times.add(commit.at());
            return 0;
        });
        database.write(changes -> {
            changes.control(new Commit.TableCreated(changes.now(), table("orders")));
            return null;
        });
        now[0] = T0.minusSeconds(5);
        database.write(changes -> {
            changes.change(insert("orders", "a", "1"));
            return null;
        });

        assertThat(times).containsExactly(T0, T0);
    }
}
