package routes.local.dynamodb.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import routes.local.dynamodb.DynamoDbEmulator;
import routes.local.dynamodb.DynamoDbEmulatorSettings;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.model.StreamStatus;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** The streams as the AWS SDK's DynamoDbStreamsClient sees them, against the whole emulator over HTTP. */
class StreamsThroughSdkTest {

    private static DynamoDbEmulator emulator;
    private static DynamoDbClient dynamo;
    private static DynamoDbStreamsClient streams;

    @BeforeAll
    static void start() {
        emulator = DynamoDbEmulator.start(DynamoDbEmulatorSettings.defaults().withPort(0));
        dynamo = dynamoClient(emulator);
        streams = streamsClient(emulator);
    }

    @AfterAll
    static void stop() {
        streams.close();
        dynamo.close();
        emulator.close();
    }

    static DynamoDbClient dynamoClient(DynamoDbEmulator emulator) {
        return DynamoDbClient.builder().endpointOverride(emulator.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build();
    }

    static DynamoDbStreamsClient streamsClient(DynamoDbEmulator emulator) {
        return DynamoDbStreamsClient.builder().endpointOverride(emulator.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build();
    }

    static String createStreamedTable(DynamoDbClient dynamo, String name, StreamViewType viewType) {
        return dynamo.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build())
                        .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                        .streamSpecification(s -> s.streamEnabled(true).streamViewType(viewType)))
                .tableDescription().latestStreamArn();
    }

    static Map<String, AttributeValue> item(String pk, String value) {
        return Map.of("pk", AttributeValue.fromS(pk), "v", AttributeValue.fromS(value));
    }

    static List<Record> readAll(DynamoDbStreamsClient streams, String arn, ShardIteratorType type) {
        return SdkStreamRecords.all(streams, arn, type);
    }

    @Test
    void theSdkReadsInsertModifyAndRemoveRecordsWithTheirImages() {
        String arn = createStreamedTable(dynamo, "sdk-images", StreamViewType.NEW_AND_OLD_IMAGES);
        dynamo.putItem(b -> b.tableName("sdk-images").item(item("k", "one")));
        dynamo.putItem(b -> b.tableName("sdk-images").item(item("k", "two")));
        dynamo.deleteItem(b -> b.tableName("sdk-images").key(Map.of("pk", AttributeValue.fromS("k"))));

        assertThat(streams.listStreams(b -> b.tableName("sdk-images")).streams())
                .singleElement().satisfies(s -> assertThat(s.streamArn()).isEqualTo(arn));
        StreamDescription description = streams.describeStream(b -> b.streamArn(arn)).streamDescription();
        assertThat(description.streamStatus()).isEqualTo(StreamStatus.ENABLED);
        assertThat(description.streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
        assertThat(description.tableName()).isEqualTo("sdk-images");
        assertThat(description.creationRequestDateTime()).isNotNull();
        assertThat(description.keySchema()).extracting(KeySchemaElement::attributeName).containsExactly("pk");

        List<Record> records = readAll(streams, arn, ShardIteratorType.TRIM_HORIZON);

        assertThat(records).extracting(Record::eventName)
                .containsExactly(OperationType.INSERT, OperationType.MODIFY, OperationType.REMOVE);
        Record modify = records.get(1);
        assertThat(modify.eventSource()).isEqualTo("aws:dynamodb");
        assertThat(modify.awsRegion()).isEqualTo("us-east-1");
        assertThat(modify.dynamodb().oldImage().get("v").s()).isEqualTo("one");
        assertThat(modify.dynamodb().newImage().get("v").s()).isEqualTo("two");
        assertThat(modify.dynamodb().keys()).containsOnlyKeys("pk");
        assertThat(modify.dynamodb().approximateCreationDateTime()).isNotNull();
        assertThat(modify.dynamodb().sizeBytes()).isPositive();
        assertThat(records.get(2).dynamodb().hasNewImage()).isFalse();
        assertThat(records).extracting(r -> r.dynamodb().sequenceNumber()).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void latestAndAfterSequenceNumberIteratorsWorkThroughTheSdk() {
        String arn = createStreamedTable(dynamo, "sdk-iterators", StreamViewType.KEYS_ONLY);
        String shard = streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards().get(0).shardId();
        String latest = streams.getShardIterator(b -> b.streamArn(arn).shardId(shard).shardIteratorType(ShardIteratorType.LATEST))
                .shardIterator();
        dynamo.putItem(b -> b.tableName("sdk-iterators").item(item("a", "x")));
        dynamo.putItem(b -> b.tableName("sdk-iterators").item(item("b", "x")));

        GetRecordsResponse fromLatest = streams.getRecords(b -> b.shardIterator(latest));
        String first = fromLatest.records().get(0).dynamodb().sequenceNumber();
        String after = streams.getShardIterator(b -> b.streamArn(arn).shardId(shard)
                .shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(first)).shardIterator();

        assertThat(fromLatest.records()).hasSize(2);
        assertThat(fromLatest.nextShardIterator()).isNotNull();
        assertThat(streams.getRecords(b -> b.shardIterator(after)).records())
                .extracting(r -> r.dynamodb().keys().get("pk").s()).containsExactly("b");
    }

    @Test
    void disablingTheStreamThroughUpdateTableShowsItDisabled() {
        String arn = createStreamedTable(dynamo, "sdk-disable", StreamViewType.NEW_IMAGE);
        dynamo.putItem(b -> b.tableName("sdk-disable").item(item("a", "x")));
        dynamo.updateTable(b -> b.tableName("sdk-disable").streamSpecification(s -> s.streamEnabled(false)));

        StreamDescription description = streams.describeStream(b -> b.streamArn(arn)).streamDescription();

        assertThat(description.streamStatus()).isEqualTo(StreamStatus.DISABLED);
        assertThat(description.shards()).allSatisfy(s -> assertThat(s.sequenceNumberRange().endingSequenceNumber()).isNotNull());
        assertThat(readAll(streams, arn, ShardIteratorType.TRIM_HORIZON)).hasSize(1);
    }

    @Test
    void errorsArriveAsTheSdksTypedExceptions() {
        String arn = createStreamedTable(dynamo, "sdk-errors", StreamViewType.KEYS_ONLY);
        assertThatThrownBy(() -> streams.describeStream(b -> b.streamArn(arn.replace("sdk-errors", "nope"))))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    // Developer Guide, "Working with DynamoDB Streams and Time to Live": TTL deletions carry the service identity.
    @Test
    void timeToLiveDeletionsAreRemoveRecordsByTheDynamoDbService() {
        DynamoDbEmulatorSettings d = DynamoDbEmulatorSettings.defaults();
        try (DynamoDbEmulator reaping = DynamoDbEmulator.start(new DynamoDbEmulatorSettings(d.host(), 0, d.region(),
                d.accountId(), null, d.shardRollover(), d.streamRetention(), d.iteratorLifetime(), Duration.ofMillis(100)));
             DynamoDbClient client = dynamoClient(reaping);
             DynamoDbStreamsClient streamsClient = streamsClient(reaping)) {
            String arn = createStreamedTable(client, "ttl", StreamViewType.OLD_IMAGE);
            client.updateTimeToLive(b -> b.tableName("ttl").timeToLiveSpecification(t -> t.enabled(true).attributeName("expires")));
            client.putItem(b -> b.tableName("ttl").item(Map.of("pk", AttributeValue.fromS("old"),
                    "expires", AttributeValue.fromN(Long.toString(System.currentTimeMillis() / 1000 - 60)))));

            await().atMost(Duration.ofSeconds(20)).until(() -> readAll(streamsClient, arn, ShardIteratorType.TRIM_HORIZON).size() == 2);
            Record removal = readAll(streamsClient, arn, ShardIteratorType.TRIM_HORIZON).get(1);

            assertThat(removal.eventName()).isEqualTo(OperationType.REMOVE);
            assertThat(removal.userIdentity().type()).isEqualTo("Service");
            assertThat(removal.userIdentity().principalId()).isEqualTo("dynamodb.amazonaws.com");
            assertThat(removal.dynamodb().oldImage().get("pk").s()).isEqualTo("old");
            assertThat(readAll(streamsClient, arn, ShardIteratorType.TRIM_HORIZON).get(0).userIdentity()).isNull();
        }
    }

    // API Reference, GetRecords: ExpiredIteratorException after the iterator's lifetime; TrimmedDataAccessException past retention.
    @Test
    void expiredIteratorsAndTrimmedRecordsArriveAsTypedExceptions() {
        DynamoDbEmulatorSettings d = DynamoDbEmulatorSettings.defaults();
        try (DynamoDbEmulator shortLived = DynamoDbEmulator.start(new DynamoDbEmulatorSettings(d.host(), 0, d.region(),
                d.accountId(), null, d.shardRollover(), Duration.ofMillis(500), Duration.ofMillis(200), d.ttlInterval()));
             DynamoDbClient client = dynamoClient(shortLived);
             DynamoDbStreamsClient streamsClient = streamsClient(shortLived)) {
            String arn = createStreamedTable(client, "short", StreamViewType.KEYS_ONLY);
            var shard = streamsClient.describeStream(b -> b.streamArn(arn)).streamDescription().shards().get(0);
            String iterator = streamsClient.getShardIterator(b -> b.streamArn(arn).shardId(shard.shardId())
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            client.putItem(b -> b.tableName("short").item(item("a", "x")));

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThatThrownBy(() -> streamsClient.getRecords(b -> b.shardIterator(iterator)))
                            .isInstanceOf(ExpiredIteratorException.class)
                            .hasMessageContaining("Iterator expired"));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThatThrownBy(() -> streamsClient.getShardIterator(b -> b.streamArn(arn).shardId(shard.shardId())
                            .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER)
                            .sequenceNumber(shard.sequenceNumberRange().startingSequenceNumber())))
                            .isInstanceOf(TrimmedDataAccessException.class));
        }
    }
}
