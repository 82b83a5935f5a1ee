package routes.local.dynamodb.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static routes.local.dynamodb.streams.StreamFixture.put;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import routes.local.dynamodb.api.DynamoDbException;
import routes.local.dynamodb.engine.Commit;
import routes.local.dynamodb.engine.ItemChange;
import routes.local.dynamodb.value.Value;

class StreamsTest {

    private final StreamFixture f = new StreamFixture();

    // Developer Guide, "Change data capture for DynamoDB Streams": StreamViewType decides which images a record carries.
    @ParameterizedTest
    @CsvSource({"KEYS_ONLY,false,false", "NEW_IMAGE,false,true", "OLD_IMAGE,true,false", "NEW_AND_OLD_IMAGES,true,true"})
    void insertModifyRemoveCarryTheImagesTheViewTypeAsksFor(String viewType, boolean old, boolean fresh) {
        f.createTable("t", viewType);
        f.write(put("t", "k", null, "v1"));
        f.write(put("t", "k", "v1", "v2"));
        f.write(put("t", "k", "v2", null));

        JsonNode records = f.records(f.firstShardIterator("t")).get("Records");

        assertThat(records).extracting(r -> r.get("eventName").asText()).containsExactly("INSERT", "MODIFY", "REMOVE");
        for (JsonNode record : records) {
            assertThat(record.get("eventVersion").asText()).isEqualTo("1.1");
            assertThat(record.get("eventSource").asText()).isEqualTo("aws:dynamodb");
            assertThat(record.get("awsRegion").asText()).isEqualTo("eu-west-1");
            assertThat(record.get("dynamodb").get("Keys").get("pk").get("S").asText()).isEqualTo("k");
            assertThat(record.get("dynamodb").get("StreamViewType").asText()).isEqualTo(viewType);
            assertThat(record.get("dynamodb").get("ApproximateCreationDateTime").asLong())
                    .isEqualTo(StreamFixture.START.getEpochSecond());
            assertThat(record.get("dynamodb").get("SizeBytes").asLong()).isPositive();
            assertThat(record.has("userIdentity")).isFalse();
        }
        JsonNode insert = records.get(0).get("dynamodb");
        JsonNode modify = records.get(1).get("dynamodb");
        JsonNode remove = records.get(2).get("dynamodb");
        assertThat(insert.has("OldImage")).isFalse();
        assertThat(insert.has("NewImage")).isEqualTo(fresh);
        assertThat(modify.has("OldImage")).isEqualTo(old);
        assertThat(modify.has("NewImage")).isEqualTo(fresh);
        assertThat(remove.has("OldImage")).isEqualTo(old);
        assertThat(remove.has("NewImage")).isFalse();
        if (fresh) assertThat(modify.get("NewImage").get("a").get("S").asText()).isEqualTo("v2");
        if (old) assertThat(modify.get("OldImage").get("a").get("S").asText()).isEqualTo("v1");
        assertThat(records).extracting(r -> r.get("eventID").asText()).doesNotHaveDuplicates();
    }

    @Test
    void aTableWithoutAStreamHasNoStreamAndNoRecords() {
        f.createTable("plain", null);
        f.createTable("streamed", "KEYS_ONLY");
        f.write(put("plain", "k", null, "v"), put("streamed", "k", null, "v"));

        assertThat(f.call("ListStreams", "TableName", "plain").get("Streams")).isEmpty();
        assertThat(f.records(f.firstShardIterator("streamed")).get("Records")).hasSize(1);
    }

    // Developer Guide, "Time to Live: DynamoDB Streams": TTL deletions carry the service principal.
    @Test
    void ttlDeletionsCarryTheDynamoDbServiceIdentity() {
        f.createTable("t", "NEW_AND_OLD_IMAGES");
        f.write(put("t", "k", null, "v"));
        f.streams.committed(new Commit.ItemsChanged(f.clock.instant(), List.of(put("t", "k", "v", null)), true));

        JsonNode records = f.records(f.firstShardIterator("t")).get("Records");

        assertThat(records.get(0).has("userIdentity")).isFalse();
        JsonNode identity = records.get(1).get("userIdentity");
        assertThat(identity.get("Type").asText()).isEqualTo("Service");
        assertThat(identity.get("PrincipalId").asText()).isEqualTo("dynamodb.amazonaws.com");
    }

    @Test
    void sequenceNumbersIncreaseAndSortAsStrings() {
        f.createTable("t", "KEYS_ONLY");
        for (int i = 0; i < 50; i++) f.write(put("t", "k" + i, null, "v"));

        List<String> sequence = new ArrayList<>();
        f.records(f.firstShardIterator("t")).get("Records")
                .forEach(r -> sequence.add(r.get("dynamodb").get("SequenceNumber").asText()));

        assertThat(sequence).hasSize(50).isSorted().doesNotHaveDuplicates().allMatch(s -> s.length() == 21);
    }

    // API Reference, DynamoDB Streams "Shard": a closed shard has an EndingSequenceNumber; ParentShardId links the lineage.
    @Test
    void aShardRollsOverIntoAChildAndClosedShardReadsEndWithoutANextIterator() {
        f.createTable("t", "KEYS_ONLY");
        f.write(put("t", "a", null, "v"));
        f.clock.advance(Duration.ofMinutes(61));
        f.write(put("t", "b", null, "v"));
        String arn = f.streamArn("t");
        JsonNode shards = f.shards(arn);
        String childAtLatest = f.iterator(arn, shards.get(1).get("ShardId").asText(), "LATEST");
        f.write(put("t", "c", null, "v"));

        assertThat(shards).hasSize(2);
        JsonNode parent = shards.get(0);
        JsonNode child = shards.get(1);
        assertThat(parent.get("ShardId").asText()).matches("shardId-\\d{20}-[0-9a-f]{8}");
        assertThat(parent.get("SequenceNumberRange").has("EndingSequenceNumber")).isTrue();
        assertThat(child.get("ParentShardId").asText()).isEqualTo(parent.get("ShardId").asText());
        assertThat(child.get("SequenceNumberRange").has("EndingSequenceNumber")).isFalse();
        assertThat(child.get("SequenceNumberRange").get("StartingSequenceNumber").asText())
                .isGreaterThan(parent.get("SequenceNumberRange").get("EndingSequenceNumber").asText());

        // The commit that passed the rollover time is the parent's last: the child starts empty.
        ObjectNode parentRead = f.records(f.iterator(arn, parent.get("ShardId").asText(), "TRIM_HORIZON"));
        assertThat(keys(parentRead)).containsExactly("a", "b");
        assertThat(parentRead.has("NextShardIterator")).isFalse();

        ObjectNode childRead = f.records(f.iterator(arn, child.get("ShardId").asText(), "TRIM_HORIZON"));
        assertThat(keys(childRead)).containsExactly("c");
        assertThat(childRead.has("NextShardIterator")).isTrue();
        assertThat(keys(f.records(childAtLatest))).containsExactly("c");
    }

    // API Reference, GetRecords: NextShardIterator is null only once a closed shard has nothing more.
    @Test
    void anOpenShardAlwaysAnswersANextIteratorThatSeesLaterRecords() {
        f.createTable("t", "KEYS_ONLY");
        String arn = f.streamArn("t");
        String shard = f.shards(arn).get(0).get("ShardId").asText();
        ObjectNode empty = f.records(f.iterator(arn, shard, "LATEST"));
        assertThat(empty.get("Records")).isEmpty();

        f.write(put("t", "k", null, "v"));
        ObjectNode next = f.records(empty.get("NextShardIterator").asText());

        assertThat(next.get("Records")).hasSize(1);
        assertThat(f.records(next.get("NextShardIterator").asText()).get("Records")).isEmpty();
    }

    // API Reference, GetShardIterator: TRIM_HORIZON, LATEST, AT_SEQUENCE_NUMBER, AFTER_SEQUENCE_NUMBER.
    @Test
    void iteratorTypesStartWhereTheySay() {
        f.createTable("t", "KEYS_ONLY");
        f.write(put("t", "a", null, "v"));
        f.write(put("t", "b", null, "v"));
        String arn = f.streamArn("t");
        String shard = f.shards(arn).get(0).get("ShardId").asText();
        String latest = f.iterator(arn, shard, "LATEST");
        f.write(put("t", "c", null, "v"));
        String second = f.records(f.iterator(arn, shard, "TRIM_HORIZON")).get("Records").get(1)
                .get("dynamodb").get("SequenceNumber").asText();

        assertThat(keys(f.records(f.iterator(arn, shard, "TRIM_HORIZON")))).containsExactly("a", "b", "c");
        assertThat(keys(f.records(latest))).containsExactly("c");
        assertThat(keys(f.records(f.iterator(arn, shard, "AT_SEQUENCE_NUMBER", second)))).containsExactly("b", "c");
        assertThat(keys(f.records(f.iterator(arn, shard, "AFTER_SEQUENCE_NUMBER", second)))).containsExactly("c");
    }

    @Test
    void getRecordsHonoursItsLimit() {
        f.createTable("t", "KEYS_ONLY");
        for (int i = 0; i < 5; i++) f.write(put("t", "k" + i, null, "v"));

        ObjectNode first = f.call("GetRecords", "ShardIterator", f.firstShardIterator("t"), "Limit", 2);
        ObjectNode rest = f.call("GetRecords", "ShardIterator", first.get("NextShardIterator").asText(), "Limit", 1000);

        assertThat(keys(first)).containsExactly("k0", "k1");
        assertThat(keys(rest)).containsExactly("k2", "k3", "k4");
        assertThatThrownBy(() -> f.call("GetRecords", "ShardIterator", f.firstShardIterator("t"), "Limit", 1001))
                .isInstanceOf(DynamoDbException.class).extracting("code").isEqualTo("ValidationException");
    }

    // API Reference, GetRecords: at most 1 MB of data or 1000 records per call.
    @Test
    void getRecordsStopsAtOneMegabyte() {
        f.createTable("t", "NEW_IMAGE");
        String big = "x".repeat(300 * 1024);
        for (int i = 0; i < 5; i++) f.write(put("t", "k" + i, null, big));

        ObjectNode first = f.records(f.firstShardIterator("t"));
        ObjectNode rest = f.records(first.get("NextShardIterator").asText());

        assertThat(keys(first)).containsExactly("k0", "k1", "k2");
        assertThat(keys(rest)).containsExactly("k3", "k4");
    }

    // API Reference, GetRecords "ExpiredIteratorException": a shard iterator expires 15 minutes after it is retrieved.
    @Test
    void anIteratorOlderThanItsLifetimeHasExpired() {
        f.createTable("t", "KEYS_ONLY");
        String iterator = f.firstShardIterator("t");
        f.clock.advance(Duration.ofMinutes(15).plusSeconds(1));

        assertThatThrownBy(() -> f.records(iterator))
                .isInstanceOf(DynamoDbException.class)
                .satisfies(e -> assertThat(((DynamoDbException) e).code()).isEqualTo("ExpiredIteratorException"))
                .hasMessageStartingWith("Iterator expired. The iterator was created at time Mon Nov 30 12:00:00 UTC 2026"
                        + " while right now it is Mon Nov 30 12:15:01 UTC 2026")
                .hasMessageEndingWith("tolerated delay of 900000 milliseconds.");
    }

    // API Reference, "TrimmedDataAccessException": records past the 24-hour retention are trimmed.
    @Test
    void recordsPastTheRetentionAreTrimmed() {
        f.createTable("t", "KEYS_ONLY");
        f.write(put("t", "old", null, "v"));
        String arn = f.streamArn("t");
        String shard = f.shards(arn).get(0).get("ShardId").asText();
        String oldSequence = f.records(f.iterator(arn, shard, "TRIM_HORIZON")).get("Records").get(0)
                .get("dynamodb").get("SequenceNumber").asText();
        f.clock.advance(Duration.ofHours(23).plusMinutes(55));
        String staleIterator = f.iterator(arn, shard, "TRIM_HORIZON");
        f.write(put("t", "new", null, "v"));
        f.clock.advance(Duration.ofMinutes(6));

        assertThat(code(() -> f.records(staleIterator))).isEqualTo("TrimmedDataAccessException");
        assertThat(code(() -> f.iterator(arn, shard, "AT_SEQUENCE_NUMBER", oldSequence)))
                .isEqualTo("TrimmedDataAccessException");
        assertThat(keys(f.records(f.iterator(arn, shard, "TRIM_HORIZON")))).containsExactly("new");
    }

    @Test
    void disablingTheStreamClosesItAndEnablingAgainMakesANewOne() {
        f.createTable("t", "NEW_IMAGE");
        f.write(put("t", "k", null, "v"));
        String first = f.streamArn("t");
        f.clock.advance(Duration.ofSeconds(1));
        f.streams.committed(new Commit.TableUpdated(f.clock.instant(), StreamFixture.table("t", null, first.substring(first.lastIndexOf('/') + 1))));
        f.write(put("t", "ignored", null, "v"));

        JsonNode disabled = f.call("DescribeStream", "StreamArn", first).get("StreamDescription");
        assertThat(disabled.get("StreamStatus").asText()).isEqualTo("DISABLED");
        assertThat(disabled.get("Shards")).allMatch(s -> s.get("SequenceNumberRange").has("EndingSequenceNumber"));
        assertThat(keys(f.records(f.firstShardIterator("t")))).containsExactly("k");

        f.clock.advance(Duration.ofSeconds(1));
        f.streams.committed(new Commit.TableUpdated(f.clock.instant(), StreamFixture.table("t", "NEW_IMAGE", f.label())));
        f.write(put("t", "again", null, "v"));

        String second = f.streamArn("t");
        assertThat(second).isNotEqualTo(first);
        assertThat(f.call("ListStreams", "TableName", "t").get("Streams")).hasSize(2);
        assertThat(f.call("DescribeStream", "StreamArn", second).get("StreamDescription").get("StreamStatus").asText())
                .isEqualTo("ENABLED");
        assertThat(keys(f.records(f.firstShardIterator("t")))).containsExactly("again");
    }

    @Test
    void deletingTheTableDisablesItsStreamUntilTheRetentionPasses() {
        f.createTable("t", "KEYS_ONLY");
        f.write(put("t", "k", null, "v"));
        String arn = f.streamArn("t");
        f.streams.committed(new Commit.TableDeleted(f.clock.instant(), "t"));

        assertThat(f.call("DescribeStream", "StreamArn", arn).get("StreamDescription").get("StreamStatus").asText())
                .isEqualTo("DISABLED");

        f.clock.advance(Duration.ofHours(25));
        assertThat(f.call("ListStreams").get("Streams")).isEmpty();
        assertThat(code(() -> f.call("DescribeStream", "StreamArn", arn))).isEqualTo("ResourceNotFoundException");
    }

    @Test
    void badRequestsAnswerTheDocumentedErrors() {
        f.createTable("t", "KEYS_ONLY");
        String arn = f.streamArn("t");
        String unknownArn = arn.replace("table/t/", "table/nope/");

        assertThat(code(() -> f.records("not-an-iterator"))).isEqualTo("ValidationException");
        assertThat(code(() -> f.call("DescribeStream", "StreamArn", unknownArn))).isEqualTo("ResourceNotFoundException");
        assertThat(code(() -> f.iterator(arn, "shardId-00000000000000000000-00000000", "LATEST")))
                .isEqualTo("ResourceNotFoundException");
        String shard = f.shards(arn).get(0).get("ShardId").asText();
        assertThat(code(() -> f.iterator(arn, shard, "SIDEWAYS"))).isEqualTo("ValidationException");
        assertThat(code(() -> f.iterator(arn, shard, "AT_SEQUENCE_NUMBER"))).isEqualTo("ValidationException");
        assertThat(code(() -> f.iterator(arn, shard, "AT_SEQUENCE_NUMBER", "999999999999999999999")))
                .isEqualTo("ValidationException");
    }

    @Test
    void describeStreamAndListStreamsPage() {
        f.createTable("t", "KEYS_ONLY");
        for (int i = 0; i < 3; i++) {
            f.write(put("t", "k" + i, null, "v"));
            f.clock.advance(Duration.ofMinutes(61));
        }
        f.createTable("u", "KEYS_ONLY");
        String arn = f.streamArn("t");

        JsonNode page1 = f.call("DescribeStream", "StreamArn", arn, "Limit", 2).get("StreamDescription");
        JsonNode page2 = f.call("DescribeStream", "StreamArn", arn, "Limit", 2, "ExclusiveStartShardId",
                page1.get("LastEvaluatedShardId").asText()).get("StreamDescription");
        ObjectNode streams1 = f.call("ListStreams", "Limit", 1);
        ObjectNode streams2 = f.call("ListStreams", "Limit", 1, "ExclusiveStartStreamArn",
                streams1.get("LastEvaluatedStreamArn").asText());

        assertThat(page1.get("Shards")).hasSize(2);
        assertThat(page2.get("Shards")).hasSize(1);
        assertThat(page2.has("LastEvaluatedShardId")).isFalse();
        assertThat(streams1.get("Streams").get(0).get("TableName").asText()).isEqualTo("u");
        assertThat(streams2.get("Streams").get(0).get("TableName").asText()).isEqualTo("t");
        assertThat(streams2.has("LastEvaluatedStreamArn")).isFalse();
    }

    @Test
    void replayingTheSameCommitsGivesTheSameShardsAndSequenceNumbers() {
        List<Commit> commits = new ArrayList<>();
        f.createTable("t", "NEW_AND_OLD_IMAGES");
        commits.add(new Commit.TableCreated(f.clock.instant(), StreamFixture.table("t", "NEW_AND_OLD_IMAGES", f.label())));
        for (int i = 0; i < 20; i++) {
            commits.add(new Commit.ItemsChanged(f.clock.instant().plus(Duration.ofMinutes(20L * i)),
                    List.of(put("t", "k" + i, null, "v"), put("t", "k" + i + "b", null, "w")), i % 3 == 0));
        }
        StreamFixture replay = new StreamFixture();
        StreamFixture restored = new StreamFixture();

        commits.forEach(replay.streams::committed);
        commits.subList(0, 10).forEach(restored.streams::committed);
        Streams fromSnapshot = new Streams(StreamFixture.SETTINGS, restored.clock);
        fromSnapshot.restore(StreamsSnapshot.fromJson(restored.streams.snapshot().toJson()));
        commits.subList(10, commits.size()).forEach(fromSnapshot::committed);

        assertThat(replay.streams.snapshot().toJson().get("streams").get(0).get("shards")).hasSizeGreaterThan(1);
        assertThat(fromSnapshot.snapshot().toJson()).isEqualTo(replay.streams.snapshot().toJson());
        StreamFixture again = new StreamFixture();
        commits.forEach(again.streams::committed);
        assertThat(again.streams.snapshot()).isEqualTo(replay.streams.snapshot());
    }

    @Test
    void everyValueTypeSurvivesTheSnapshotForm() {
        f.createTable("t", "NEW_AND_OLD_IMAGES");
        Map<String, Value> item = Map.of("pk", Value.s("k"), "n", Value.n("1.5"), "l",
                new Value.L(List.of(Value.bool(true), Value.nul(), new Value.M(Map.of("x", Value.s("y"))))),
                "b", new Value.B(new Value.Bytes(new byte[] {1, 2})), "ss", new Value.SS(java.util.Set.of("a")),
                "ns", new Value.NS(java.util.Set.of(java.math.BigDecimal.ONE)),
                "bs", new Value.BS(java.util.Set.of(new Value.Bytes(new byte[] {3}))));
        f.write(new ItemChange("t", Map.of("pk", Value.s("k")), null, item));

        StreamsSnapshot snapshot = f.streams.snapshot();

        assertThat(StreamsSnapshot.fromJson(snapshot.toJson())).isEqualTo(snapshot);
    }

    private static List<String> keys(JsonNode getRecordsResponse) {
        List<String> keys = new ArrayList<>();
        getRecordsResponse.get("Records").forEach(r -> keys.add(r.get("dynamodb").get("Keys").get("pk").get("S").asText()));
        return keys;
    }

    private static String code(Runnable call) {
        try {
            call.run();
        } catch (DynamoDbException e) {
            return e.code();
        }
        throw new AssertionError("no DynamoDbException");
    }
}
