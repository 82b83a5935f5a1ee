package routes.local.dynamodb.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static routes.local.dynamodb.engine.EmulatorClients.key;
import static routes.local.dynamodb.engine.EmulatorClients.n;
import static routes.local.dynamodb.engine.EmulatorClients.s;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import routes.local.dynamodb.DynamoDbEmulator;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/** UpdateTimeToLive, DescribeTimeToLive and the reaper, with a 100 ms reaper interval. */
class TimeToLiveTest {

    private static DynamoDbEmulator emulator;
    private static DynamoDbClient dynamo;
    private static final List<Commit> commits = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        emulator = EmulatorClients.startWithTtlInterval(Duration.ofMillis(100));
        emulator.database().addListener(commit -> {
            commits.add(commit);
            return 0;
        });
        dynamo = EmulatorClients.clientFor(emulator);
    }

    @AfterAll
    static void stop() {
        dynamo.close();
        emulator.close();
    }

    private static String tableWithTtl(String prefix) {
        String table = EmulatorClients.createTable(dynamo, prefix, null);
        dynamo.updateTimeToLive(b -> b.tableName(table).timeToLiveSpecification(t -> t.attributeName("expiresAt").enabled(true)));
        return table;
    }

    @Test
    void describeShowsTheTtlAttributeOnceEnabled() {
        String table = EmulatorClients.createTable(dynamo, "ttl-describe", null);
        assertThat(dynamo.describeTimeToLive(b -> b.tableName(table)).timeToLiveDescription().timeToLiveStatus())
                .isEqualTo(TimeToLiveStatus.DISABLED);

        dynamo.updateTimeToLive(b -> b.tableName(table).timeToLiveSpecification(t -> t.attributeName("expiresAt").enabled(true)));

        var description = dynamo.describeTimeToLive(b -> b.tableName(table)).timeToLiveDescription();
        assertThat(description.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
        assertThat(description.attributeName()).isEqualTo("expiresAt");
        assertThatThrownBy(() -> dynamo.updateTimeToLive(b -> b.tableName(table)
                .timeToLiveSpecification(t -> t.attributeName("expiresAt").enabled(true))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("TimeToLive is already enabled");
    }

    // Developer Guide, "Time to Live": items whose TTL number is in the past are deleted by the service.
    @Test
    void expiredItemsAreReapedByTheService() {
        String table = tableWithTtl("ttl-reaped");
        String past = Long.toString(Instant.now().getEpochSecond() - 60);
        String future = Long.toString(Instant.now().getEpochSecond() + 3600);
        dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", s("expired"), "expiresAt", n(past))));
        dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", s("fresh"), "expiresAt", n(future))));
        dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", s("not-a-number"), "expiresAt", s(past))));
        dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", s("no-ttl"))));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> !dynamo.getItem(b -> b.tableName(table).key(key("expired"))).hasItem());

        assertThat(dynamo.scan(b -> b.tableName(table)).items()).extracting(i -> i.get("pk").s())
                .containsExactlyInAnyOrder("fresh", "not-a-number", "no-ttl");
        assertThat(commits).filteredOn(c -> c instanceof Commit.ItemsChanged changed && changed.byService())
                .flatExtracting(c -> ((Commit.ItemsChanged) c).changes())
                .filteredOn(change -> change.table().equals(table))
                .singleElement()
                .satisfies(change -> assertThat(change.newImage()).isNull());
    }

    @Test
    void itemsAreNotReapedAfterTtlIsDisabled() {
        String table = tableWithTtl("ttl-a-disabled");
        dynamo.updateTimeToLive(b -> b.tableName(table).timeToLiveSpecification(t -> t.attributeName("expiresAt").enabled(false)));
        String past = Long.toString(Instant.now().getEpochSecond() - 60);
        dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", s("kept"), "expiresAt", n(past))));
        String marker = tableWithTtl("ttl-z-marker");
        dynamo.putItem(b -> b.tableName(marker).item(Map.of("pk", s("marker"), "expiresAt", n(past))));

        // The reaper visits tables in name order, so once it reaped the marker it has passed over "ttl-a-…" since "kept" was written.
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !dynamo.getItem(b -> b.tableName(marker).key(key("marker"))).hasItem());

        assertThat(dynamo.getItem(b -> b.tableName(table).key(key("kept"))).hasItem()).isTrue();
    }
}
