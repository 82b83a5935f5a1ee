package routes.local.dynamodb.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static routes.local.dynamodb.conformance.Attributes.item;
import static routes.local.dynamodb.conformance.Attributes.n;
import static routes.local.dynamodb.conformance.Attributes.s;
import static routes.local.dynamodb.conformance.ScratchTables.definition;
import static routes.local.dynamodb.conformance.ScratchTables.key;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.Identity;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * Time to Live (Developer Guide: Using time to live (TTL) in DynamoDB): UpdateTimeToLive and
 * DescribeTimeToLive everywhere; the reaping itself only on our emulator (AWS deletes expired items
 * "within a few days"), whose TTL sweep runs every {@link ConformanceTarget#EMULATOR_TTL_INTERVAL}.
 */
class TimeToLiveTest extends ConformanceCases {

    TimeToLiveDescription describe(String table) {
        return ddb.describeTimeToLive(b -> b.tableName(table)).timeToLiveDescription();
    }

    void enable(String table) {
        var response = ddb.updateTimeToLive(b -> b.tableName(table).timeToLiveSpecification(t -> t.enabled(true).attributeName("expires")));
        assertThat(response.timeToLiveSpecification().enabled()).isTrue();
        assertThat(response.timeToLiveSpecification().attributeName()).isEqualTo("expires");
    }

    @Test
    @DisplayName("A new table's TTL is DISABLED (API Reference: DescribeTimeToLive)")
    void disabledByDefault() {
        String table = tables.hashTable("pk", ScalarAttributeType.S);
        assertThat(describe(table).timeToLiveStatus()).isEqualTo(TimeToLiveStatus.DISABLED);
    }

    @Test
    @DisplayName("UpdateTimeToLive enables TTL on an attribute; DescribeTimeToLive shows it ENABLED (API Reference: UpdateTimeToLive, DescribeTimeToLive)")
    void enableTtl() {
        String table = tables.hashTable("pk", ScalarAttributeType.S);
        enable(table);
        await().atMost(Duration.ofMinutes(2)).until(() -> describe(table).timeToLiveStatus() == TimeToLiveStatus.ENABLED);
        assertThat(describe(table).attributeName()).isEqualTo("expires");
    }

    @Test
    @DisplayName("Enabling TTL when it is already enabled is a ValidationException (API Reference: UpdateTimeToLive)")
    void enablingTwiceRejected() {
        String table = tables.hashTable("pk", ScalarAttributeType.S);
        enable(table);
        var error = validationError(() -> enable(table));
        assertThat(error.awsErrorDetails().errorMessage()).contains("TimeToLive is already enabled");
    }

    @Test
    @DisplayName("UpdateTimeToLive disabling TTL: DescribeTimeToLive shows DISABLING or DISABLED (API Reference: UpdateTimeToLive)")
    @EmulatorOnly("AWS refuses any further UpdateTimeToLive on a table for an hour after a change (API Reference: UpdateTimeToLive)")
    void disableTtl() {
        String table = tables.hashTable("pk", ScalarAttributeType.S);
        enable(table);
        await().atMost(Duration.ofMinutes(2)).until(() -> describe(table).timeToLiveStatus() == TimeToLiveStatus.ENABLED);
        ddb.updateTimeToLive(b -> b.tableName(table).timeToLiveSpecification(t -> t.enabled(false).attributeName("expires")));
        assertThat(describe(table).timeToLiveStatus()).isIn(TimeToLiveStatus.DISABLING, TimeToLiveStatus.DISABLED);
    }

    @Test
    @DisplayName("UpdateTimeToLive on a missing table is a ResourceNotFoundException (API Reference: UpdateTimeToLive, Errors)")
    void missingTableRejected() {
        failsWith(ResourceNotFoundException.class, "ResourceNotFoundException", () -> ddb.updateTimeToLive(b -> b
                .tableName(ScratchTables.uniqueName()).timeToLiveSpecification(t -> t.enabled(true).attributeName("expires"))));
    }

    @Test
    @DisplayName("Expired items are deleted; future, non-number and missing TTL values are kept (Developer Guide: TTL, how it works)")
    @EmulatorOnly("AWS deletes expired items within a few days, not within a test run")
    void expiredItemsAreReaped() {
        String table = tables.hashTable("pk", ScalarAttributeType.S);
        enable(table);
        long now = Instant.now().getEpochSecond();
        ddb.putItem(b -> b.tableName(table).item(item("pk", s("future"), "expires", n(now + 3600))));
        ddb.putItem(b -> b.tableName(table).item(item("pk", s("text"), "expires", s(Long.toString(now - 60)))));
        ddb.putItem(b -> b.tableName(table).item(item("pk", s("none"))));
        // written last, so the sweep that removes it has seen the others
        ddb.putItem(b -> b.tableName(table).item(item("pk", s("expired"), "expires", n(now - 60))));
        awaitGone(table, "expired");
        for (String kept : List.of("future", "text", "none")) {
            assertThat(ddb.getItem(b -> b.tableName(table).key(item("pk", s(kept))).consistentRead(true)).hasItem()).as(kept).isTrue();
        }
    }

    @Test
    @DisplayName("A TTL deletion appears on the stream as REMOVE by principal dynamodb.amazonaws.com of type Service (Developer Guide: TTL, DynamoDB Streams and TTL)")
    @EmulatorOnly("AWS deletes expired items within a few days, not within a test run")
    void reapingIsAServiceRemove() {
        String table = tables.create(CreateTableRequest.builder()
                .attributeDefinitions(definition("pk", ScalarAttributeType.S)).keySchema(key("pk", KeyType.HASH))
                .streamSpecification(spec -> spec.streamEnabled(true).streamViewType(StreamViewType.OLD_IMAGE)));
        String streamArn = ddb.describeTable(b -> b.tableName(table)).table().latestStreamArn();
        enable(table);
        StreamTail tail = StreamTail.fromTrimHorizon(target(), streamArn);
        long expired = Instant.now().getEpochSecond() - 60;
        ddb.putItem(b -> b.tableName(table).item(item("pk", s("expired"), "expires", n(expired))));
        awaitGone(table, "expired");
        Record removal = tail.awaitRecords(r -> r.eventName() == OperationType.REMOVE, 1).get(0);
        assertThat(removal.dynamodb().keys()).isEqualTo(item("pk", s("expired")));
        assertThat(removal.dynamodb().oldImage()).containsEntry("expires", n(expired));
        assertThat(removal.userIdentity()).isEqualTo(Identity.builder().type("Service").principalId("dynamodb.amazonaws.com").build());
    }

    void awaitGone(String table, String pk) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> !ddb.getItem(b -> b.tableName(table).key(item("pk", s(pk))).consistentRead(true)).hasItem());
    }
}
