package routes.local.dynamodb.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static routes.local.dynamodb.conformance.Attributes.item;
import static routes.local.dynamodb.conformance.Attributes.n;
import static routes.local.dynamodb.conformance.Attributes.s;
import static routes.local.dynamodb.conformance.ScratchTables.definition;
import static routes.local.dynamodb.conformance.ScratchTables.key;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.model.StreamStatus;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * DynamoDB Streams (Developer Guide: Change data capture for DynamoDB Streams; DynamoDB Streams API
 * Reference): stream discovery, iterator types, record kinds and images per view type, no record for a
 * failed or no-op write, ordering, and closed shards. Not run on dynalite, which has no streams.
 */
class StreamsTest extends ConformanceCases {

    final Map<StreamViewType, String> tableByView = new EnumMap<>(StreamViewType.class);
    final Map<StreamViewType, String> streamByView = new EnumMap<>(StreamViewType.class);
    DynamoDbStreamsClient streams;
    String table;
    String streamArn;

    @BeforeAll
    void createStreamTables() {
        streams = target().streams();
        for (StreamViewType view : List.of(StreamViewType.KEYS_ONLY, StreamViewType.NEW_IMAGE, StreamViewType.OLD_IMAGE,
                StreamViewType.NEW_AND_OLD_IMAGES)) {
            String name = streamTable(view);
            tableByView.put(view, name);
            streamByView.put(view, ddb.describeTable(b -> b.tableName(name)).table().latestStreamArn());
        }
        table = tableByView.get(StreamViewType.NEW_AND_OLD_IMAGES);
        streamArn = streamByView.get(StreamViewType.NEW_AND_OLD_IMAGES);
    }

    String streamTable(StreamViewType view) {
        return tables.create(CreateTableRequest.builder()
                .attributeDefinitions(definition("pk", ScalarAttributeType.S)).keySchema(key("pk", KeyType.HASH))
                .streamSpecification(spec -> spec.streamEnabled(true).streamViewType(view)));
    }

    static String unique() {
        return "st-" + UUID.randomUUID();
    }

    static Predicate<Record> about(String pk) {
        return r -> pk.equals(r.dynamodb().keys().get("pk").s());
    }

    static List<OperationType> kinds(List<Record> records) {
        return records.stream().map(Record::eventName).toList();
    }

    @Test
    @DisplayName("ListStreams with TableName lists the table's LatestStreamArn (DynamoDB Streams API Reference: ListStreams)")
    void listStreamsFindsTheStream() {
        var listed = streams.listStreams(b -> b.tableName(table)).streams();
        assertThat(listed).anySatisfy(stream -> {
            assertThat(stream.streamArn()).isEqualTo(streamArn);
            assertThat(stream.tableName()).isEqualTo(table);
            assertThat(stream.streamLabel()).isNotBlank();
        });
    }

    @Test
    @DisplayName("DescribeStream shows ENABLED, the view type, the key schema and an open shard (DynamoDB Streams API Reference: DescribeStream)")
    void describeStream() {
        StreamDescription description = streams.describeStream(b -> b.streamArn(streamArn)).streamDescription();
        assertThat(description.streamStatus()).isEqualTo(StreamStatus.ENABLED);
        assertThat(description.streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
        assertThat(description.tableName()).isEqualTo(table);
        assertThat(description.keySchema()).containsExactly(key("pk", KeyType.HASH));
        assertThat(description.shards()).isNotEmpty().anySatisfy(shard -> {
            assertThat(shard.sequenceNumberRange().startingSequenceNumber()).isNotBlank();
            assertThat(shard.sequenceNumberRange().endingSequenceNumber()).isNull();
        });
    }

    @Test
    @DisplayName("Put, update and delete give INSERT, MODIFY and REMOVE with the right images (Developer Guide: Streams, StreamViewType NEW_AND_OLD_IMAGES)")
    void insertModifyRemove() {
        String pk = unique();
        StreamTail tail = StreamTail.fromTrimHorizon(target(), streamArn);
        ddb.putItem(b -> b.tableName(table).item(item("pk", s(pk), "v", n(1))));
        ddb.updateItem(b -> b.tableName(table).key(item("pk", s(pk))).updateExpression("SET v = :two").expressionAttributeValues(item(":two", n(2))));
        ddb.deleteItem(b -> b.tableName(table).key(item("pk", s(pk))));
        List<Record> records = tail.awaitRecords(about(pk), 3);
        assertThat(kinds(records)).containsExactly(OperationType.INSERT, OperationType.MODIFY, OperationType.REMOVE);
        var insert = records.get(0).dynamodb();
        assertThat(insert.keys()).isEqualTo(item("pk", s(pk)));
        assertThat(insert.newImage()).isEqualTo(item("pk", s(pk), "v", n(1)));
        assertThat(insert.hasOldImage()).isFalse();
        var modify = records.get(1).dynamodb();
        assertThat(modify.oldImage()).isEqualTo(item("pk", s(pk), "v", n(1)));
        assertThat(modify.newImage()).isEqualTo(item("pk", s(pk), "v", n(2)));
        var remove = records.get(2).dynamodb();
        assertThat(remove.oldImage()).isEqualTo(item("pk", s(pk), "v", n(2)));
        assertThat(remove.hasNewImage()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("A MODIFY record carries Keys always and the images its StreamViewType names (Developer Guide: Streams, StreamViewType)")
    @EnumSource(value = StreamViewType.class, names = {"KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES"})
    void imagesPerViewType(StreamViewType view) {
        String pk = unique();
        String viewTable = tableByView.get(view);
        StreamTail tail = StreamTail.fromTrimHorizon(target(), streamByView.get(view));
        ddb.putItem(b -> b.tableName(viewTable).item(item("pk", s(pk), "v", n(1))));
        ddb.putItem(b -> b.tableName(viewTable).item(item("pk", s(pk), "v", n(2))));
        Record modify = tail.awaitRecords(about(pk), 2).get(1);
        assertThat(modify.eventName()).isEqualTo(OperationType.MODIFY);
        assertThat(modify.dynamodb().streamViewType()).isEqualTo(view);
        assertThat(modify.dynamodb().keys()).isEqualTo(item("pk", s(pk)));
        boolean newImage = view == StreamViewType.NEW_IMAGE || view == StreamViewType.NEW_AND_OLD_IMAGES;
        boolean oldImage = view == StreamViewType.OLD_IMAGE || view == StreamViewType.NEW_AND_OLD_IMAGES;
        assertThat(modify.dynamodb().hasNewImage()).isEqualTo(newImage);
        assertThat(modify.dynamodb().hasOldImage()).isEqualTo(oldImage);
        if (newImage) {
            assertThat(modify.dynamodb().newImage()).containsEntry("v", n(2));
        }
        if (oldImage) {
            assertThat(modify.dynamodb().oldImage()).containsEntry("v", n(1));
        }
    }

    @Test
    @DisplayName("A write that fails its condition leaves no stream record (Developer Guide: Streams, a record only for an item that changed)")
    void noRecordForFailedWrite() {
        String pk = unique();
        StreamTail tail = StreamTail.fromTrimHorizon(target(), streamArn);
        ddb.putItem(b -> b.tableName(table).item(item("pk", s(pk), "v", n(1))));
        try {
            ddb.putItem(b -> b.tableName(table).item(item("pk", s(pk), "v", n(99))).conditionExpression("attribute_not_exists(pk)"));
        } catch (ConditionalCheckFailedException expected) {
            // the point of the case
        }
        // a later change marks the end: a record for the failed write would come before it
        ddb.putItem(b -> b.tableName(table).item(item("pk", s(pk), "v", n(2))));
        List<Record> records = tail.awaitRecords(about(pk), 2);
        assertThat(kinds(records)).containsExactly(OperationType.INSERT, OperationType.MODIFY);
        assertThat(records.get(1).dynamodb().oldImage()).containsEntry("v", n(1));
    }

    @Test
    @DisplayName("A PutItem or UpdateItem that changes nothing, or a delete of a missing item, leaves no record (Developer Guide: Streams, no record when no data changes)")
    void noRecordForNoOpWrite() {
        String pk = unique();
        String missing = unique();
        StreamTail tail = StreamTail.fromTrimHorizon(target(), streamArn);
        ddb.putItem(b -> b.tableName(table).item(item("pk", s(pk), "v", n(1))));
        ddb.putItem(b -> b.tableName(table).item(item("pk", s(pk), "v", n(1))));
        ddb.updateItem(b -> b.tableName(table).key(item("pk", s(pk))).updateExpression("SET v = :one").expressionAttributeValues(item(":one", n(1))));
        ddb.deleteItem(b -> b.tableName(table).key(item("pk", s(missing))));
        ddb.putItem(b -> b.tableName(table).item(item("pk", s(pk), "v", n(2))));
        List<Record> records = tail.awaitRecords(about(pk).or(about(missing)), 2);
        assertThat(kinds(records)).containsExactly(OperationType.INSERT, OperationType.MODIFY);
    }

    @Test
    @DisplayName("Sequence numbers of one item's records increase in write order (DynamoDB Streams API Reference: StreamRecord.SequenceNumber)")
    void sequenceNumbersIncrease() {
        String pk = unique();
        StreamTail tail = StreamTail.fromTrimHorizon(target(), streamArn);
        for (int i = 1; i <= 5; i++) {
            int v = i;
            ddb.putItem(b -> b.tableName(table).item(item("pk", s(pk), "v", n(v))));
        }
        List<Record> records = tail.awaitRecords(about(pk), 5);
        List<BigInteger> sequence = records.stream().map(r -> new BigInteger(r.dynamodb().sequenceNumber())).toList();
        assertThat(sequence).isSorted().doesNotHaveDuplicates();
        assertThat(records).extracting(r -> r.dynamodb().newImage().get("v").n()).containsExactly("1", "2", "3", "4", "5");
    }

    @Test
    @DisplayName("Records name their source, region, view type and size (DynamoDB Streams API Reference: Record, StreamRecord)")
    void recordMetadata() {
        String pk = unique();
        StreamTail tail = StreamTail.fromTrimHorizon(target(), streamArn);
        ddb.putItem(b -> b.tableName(table).item(item("pk", s(pk), "v", n(1))));
        Record record = tail.awaitRecords(about(pk), 1).get(0);
        assertThat(record.eventSource()).isEqualTo("aws:dynamodb");
        assertThat(record.awsRegion()).isNotBlank();
        assertThat(record.eventID()).isNotBlank();
        assertThat(record.eventVersion()).isNotBlank();
        assertThat(record.dynamodb().sizeBytes()).isPositive();
        assertThat(record.dynamodb().approximateCreationDateTime()).isNotNull();
    }

    @Test
    @DisplayName("A LATEST iterator sees only records written after it was taken (DynamoDB Streams API Reference: GetShardIterator, LATEST)")
    void latestIteratorSkipsOlderRecords() {
        String before = unique();
        String after = unique();
        StreamTail horizon = StreamTail.fromTrimHorizon(target(), streamArn);
        ddb.putItem(b -> b.tableName(table).item(item("pk", s(before))));
        horizon.awaitRecords(about(before), 1);
        StreamTail latest = StreamTail.fromLatest(target(), streamArn);
        ddb.putItem(b -> b.tableName(table).item(item("pk", s(after))));
        assertThat(latest.awaitRecords(about(after), 1)).hasSize(1);
        assertThat(latest.all()).noneMatch(about(before));
    }

    @Test
    @DisplayName("AT_SEQUENCE_NUMBER starts at the record, AFTER_SEQUENCE_NUMBER right after it (DynamoDB Streams API Reference: GetShardIterator)")
    void sequenceNumberIterators() {
        String pk = unique();
        StreamTail tail = StreamTail.fromTrimHorizon(target(), streamArn);
        ddb.putItem(b -> b.tableName(table).item(item("pk", s(pk), "v", n(1))));
        ddb.putItem(b -> b.tableName(table).item(item("pk", s(pk), "v", n(2))));
        List<Record> records = tail.awaitRecords(about(pk), 2);
        Record first = records.get(0);
        String shard = tail.shardOf(first);
        String sequence = first.dynamodb().sequenceNumber();
        assertThat(firstRecordFrom(shard, ShardIteratorType.AT_SEQUENCE_NUMBER, sequence).dynamodb().sequenceNumber()).isEqualTo(sequence);
        Record next = firstRecordFrom(shard, ShardIteratorType.AFTER_SEQUENCE_NUMBER, sequence);
        assertThat(new BigInteger(next.dynamodb().sequenceNumber())).isGreaterThan(new BigInteger(sequence));
    }

    Record firstRecordFrom(String shard, ShardIteratorType type, String sequence) {
        String iterator = streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shard).shardIteratorType(type)
                .sequenceNumber(sequence)).shardIterator();
        List<Record> found = new ArrayList<>();
        String[] next = {iterator};
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            GetRecordsResponse page = streams.getRecords(b -> b.shardIterator(next[0]).limit(1));
            found.addAll(page.records());
            next[0] = page.nextShardIterator();
            return !found.isEmpty() || next[0] == null;
        });
        assertThat(found).isNotEmpty();
        return found.get(0);
    }

    @Test
    @DisplayName("GetRecords with Limit 1 answers one record and a NextShardIterator (DynamoDB Streams API Reference: GetRecords, Limit)")
    void getRecordsLimit() {
        String pk = unique();
        StreamTail tail = StreamTail.fromTrimHorizon(target(), streamArn);
        ddb.putItem(b -> b.tableName(table).item(item("pk", s(pk), "v", n(1))));
        ddb.putItem(b -> b.tableName(table).item(item("pk", s(pk), "v", n(2))));
        Record first = tail.awaitRecords(about(pk), 2).get(0);
        String iterator = streams.getShardIterator(b -> b.streamArn(streamArn).shardId(tail.shardOf(first))
                .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER).sequenceNumber(first.dynamodb().sequenceNumber())).shardIterator();
        GetRecordsResponse page = streams.getRecords(b -> b.shardIterator(iterator).limit(1));
        assertThat(page.records()).hasSize(1);
        assertThat(page.nextShardIterator()).isNotNull();
    }

    @Test
    @DisplayName("Each item a transaction writes gets its own record (Developer Guide: Transactions with Streams)")
    void transactionWritesOneRecordPerItem() {
        String a = unique();
        String b = unique();
        StreamTail tail = StreamTail.fromTrimHorizon(target(), streamArn);
        ddb.transactWriteItems(r -> r.transactItems(
                TransactWriteItem.builder().put(p -> p.tableName(table).item(item("pk", s(a)))).build(),
                TransactWriteItem.builder().put(p -> p.tableName(table).item(item("pk", s(b)))).build()));
        assertThat(tail.awaitRecords(about(a).or(about(b)), 2)).hasSize(2).allMatch(r -> r.eventName() == OperationType.INSERT);
    }

    @Test
    @DisplayName("Disabling the stream closes its shard: reading it to the end returns no NextShardIterator (DynamoDB Streams API Reference: GetRecords, NextShardIterator)")
    void closedShardEndsWithoutNextIterator() {
        String name = streamTable(StreamViewType.KEYS_ONLY);
        String arn = ddb.describeTable(b -> b.tableName(name)).table().latestStreamArn();
        ddb.putItem(b -> b.tableName(name).item(item("pk", s("only"))));
        StreamTail.fromTrimHorizon(target(), arn).awaitRecords(about("only"), 1);
        ddb.updateTable(b -> b.tableName(name).streamSpecification(spec -> spec.streamEnabled(false)));
        tables.awaitActive(name);
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(target().isRemote() ? 2000 : 20))
                .until(() -> streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards().stream()
                        .allMatch(shard -> shard.sequenceNumberRange().endingSequenceNumber() != null));
        StreamDescription closed = streams.describeStream(b -> b.streamArn(arn)).streamDescription();
        assertThat(closed.streamStatus()).isIn(StreamStatus.DISABLING, StreamStatus.DISABLED);
        String shard = closed.shards().get(0).shardId();
        String[] iterator = {streams.getShardIterator(b -> b.streamArn(arn).shardId(shard)
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator()};
        List<Record> read = new ArrayList<>();
        for (int calls = 0; iterator[0] != null && calls < 100; calls++) {
            GetRecordsResponse page = streams.getRecords(b -> b.shardIterator(iterator[0]));
            read.addAll(page.records());
            iterator[0] = page.nextShardIterator();
        }
        assertThat(iterator[0]).isNull();
        assertThat(read).anyMatch(about("only"));
    }

    @Test
    @DisplayName("DescribeStream of an unknown stream ARN is a ResourceNotFoundException (DynamoDB Streams API Reference: DescribeStream, Errors)")
    void unknownStreamRejected() {
        String unknown = streamArn.replace(":table/" + table + "/", ":table/" + ScratchTables.uniqueName() + "/");
        failsWith(AwsServiceException.class, "ResourceNotFoundException", () -> streams.describeStream(b -> b.streamArn(unknown)));
    }

    @Test
    @DisplayName("GetShardIterator for an unknown shard is a ResourceNotFoundException (DynamoDB Streams API Reference: GetShardIterator, Errors)")
    void unknownShardRejected() {
        failsWith(AwsServiceException.class, "ResourceNotFoundException", () -> streams.getShardIterator(b -> b.streamArn(streamArn)
                .shardId("shardId-00000000000000000000-00000000").shardIteratorType(ShardIteratorType.TRIM_HORIZON)));
    }
}
