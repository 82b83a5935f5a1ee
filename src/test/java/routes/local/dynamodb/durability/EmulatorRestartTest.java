package routes.local.dynamodb.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import routes.local.dynamodb.DynamoDbEmulator;
import routes.local.dynamodb.DynamoDbEmulatorSettings;
import routes.local.dynamodb.streams.SdkStreamRecords;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** The whole emulator with a data directory, through the AWS SDK: what it acknowledged is there after a restart. */
class EmulatorRestartTest {

    @TempDir
    Path dir;

    static DynamoDbClient dynamo(DynamoDbEmulator emulator) {
        return DynamoDbClient.builder().endpointOverride(emulator.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build();
    }

    static DynamoDbStreamsClient streams(DynamoDbEmulator emulator) {
        return DynamoDbStreamsClient.builder().endpointOverride(emulator.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build();
    }

    /** Creates the "orders" table with a NEW_IMAGE stream unless it is there already. */
    static void ensureOrdersTable(DynamoDbClient dynamo) {
        try {
            dynamo.createTable(b -> b.tableName("orders").billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build())
                    .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                    .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)));
        } catch (ResourceInUseException alreadyThere) {
            // A restarted writer finds the table it created before the crash.
        }
    }

    static Map<String, AttributeValue> order(String pk) {
        return Map.of("pk", AttributeValue.fromS(pk), "status", AttributeValue.fromS("NEW"),
                "lines", AttributeValue.fromL(List.of(AttributeValue.fromN("1"), AttributeValue.fromM(Map.of("sku", AttributeValue.fromS("x"))))));
    }

    static String streamArn(DynamoDbStreamsClient streams) {
        return streams.listStreams(b -> b.tableName("orders")).streams().get(0).streamArn();
    }

    static List<Record> readAll(DynamoDbStreamsClient streams, String arn) {
        return SdkStreamRecords.all(streams, arn, ShardIteratorType.TRIM_HORIZON);
    }

    @Test
    void itemsStreamsAndIteratorsSurviveARestart() {
        DynamoDbEmulatorSettings settings = DynamoDbEmulatorSettings.defaults().withPort(0).withDataDir(dir);
        List<String> sequenceBefore = new ArrayList<>();
        List<Shard> shardsBefore;
        String latest;
        try (DynamoDbEmulator emulator = DynamoDbEmulator.start(settings);
             DynamoDbClient dynamo = dynamo(emulator);
             DynamoDbStreamsClient streams = streams(emulator)) {
            ensureOrdersTable(dynamo);
            for (int i = 0; i < 50; i++) {
                String pk = "order-" + i;
                dynamo.putItem(b -> b.tableName("orders").item(order(pk)));
            }
            String arn = streamArn(streams);
            readAll(streams, arn).forEach(r -> sequenceBefore.add(r.dynamodb().sequenceNumber()));
            shardsBefore = streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards();
            latest = streams.getShardIterator(b -> b.streamArn(arn).shardId(shardsBefore.get(shardsBefore.size() - 1).shardId())
                    .shardIteratorType(ShardIteratorType.LATEST)).shardIterator();
        }

        try (DynamoDbEmulator emulator = DynamoDbEmulator.start(settings);
             DynamoDbClient dynamo = dynamo(emulator);
             DynamoDbStreamsClient streams = streams(emulator)) {
            for (int i = 0; i < 50; i++) {
                String pk = "order-" + i;
                assertThat(dynamo.getItem(b -> b.tableName("orders").key(Map.of("pk", AttributeValue.fromS(pk)))).item())
                        .isEqualTo(order(pk));
            }
            String arn = streamArn(streams);
            assertThat(streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards()).isEqualTo(shardsBefore);
            dynamo.putItem(b -> b.tableName("orders").item(order("after-restart")));

            List<Record> fromOldIterator = streams.getRecords(b -> b.shardIterator(latest)).records();
            assertThat(fromOldIterator).singleElement()
                    .satisfies(r -> assertThat(r.dynamodb().newImage().get("pk").s()).isEqualTo("after-restart"));
            List<String> sequenceAfter = readAll(streams, arn).stream().map(r -> r.dynamodb().sequenceNumber()).toList();
            assertThat(sequenceAfter).startsWith(sequenceBefore.toArray(String[]::new)).hasSize(51).isSorted();
        }
    }
}
