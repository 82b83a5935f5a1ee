package routes.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import routes.support.EmbeddedAwsTest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** A business row and its outbox item written in one transaction show up on the outbox stream. */
@EmbeddedAwsTest
class OutboxStreamRoundTripTest {

    @Autowired DynamoDbClient dynamoDb;
    @Autowired DynamoDbStreamsClient streams;

    @Test
    void transactionOfOrderAndOutboxItemAppearsOnTheStreamAsInsertWithNewImage() {
        String orderId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();

        dynamoDb.transactWriteItems(b -> b.transactItems(
                put("orders", Map.of("orderId", s(orderId), "status", s("PENDING"))),
                put("outbox", Map.of("aggregateKey", s("order#" + orderId),
                        "aggregateVersion", AttributeValue.fromN("1"),
                        "eventId", s(eventId), "type", s("order.created")))));

        String streamArn = dynamoDb.describeTable(b -> b.tableName("outbox")).table().latestStreamArn();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(readAll(streamArn))
                .filteredOn(r -> r.dynamodb().newImage().containsKey("eventId")
                        && eventId.equals(r.dynamodb().newImage().get("eventId").s()))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.eventNameAsString()).isEqualTo("INSERT");
                    assertThat(r.dynamodb().newImage().get("type").s()).isEqualTo("order.created");
                    assertThat(r.dynamodb().newImage().get("aggregateKey").s()).isEqualTo("order#" + orderId);
                }));
        assertThat(dynamoDb.getItem(b -> b.tableName("orders").key(Map.of("orderId", s(orderId)))).item())
                .containsEntry("status", s("PENDING"));
    }

    private List<Record> readAll(String streamArn) {
        List<Record> records = new ArrayList<>();
        var shards = streams.describeStream(b -> b.streamArn(streamArn)).streamDescription().shards();
        for (var shard : shards) {
            String iterator = streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shard.shardId())
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            while (iterator != null) {
                String current = iterator;
                var page = streams.getRecords(b -> b.shardIterator(current));
                records.addAll(page.records());
                if (page.records().isEmpty()) {
                    break;
                }
                iterator = page.nextShardIterator();
            }
        }
        return records;
    }

    private static TransactWriteItem put(String table, Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(p -> p.tableName(table).item(item)).build();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
