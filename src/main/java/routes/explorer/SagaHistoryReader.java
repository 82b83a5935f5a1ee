package routes.explorer;

import static routes.aws.DynamoValues.s;
import static routes.aws.DynamoValues.string;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import routes.aws.resources.ResourceNames;
import routes.inbox.InboxConsumer;
import routes.timeline.TimelineJournal;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Reads everything stored about one saga for its timeline: the order row, the outbox (Query by
 * aggregate), the consumers' inbox rows of those events (BatchGetItem), the notices (Query by order)
 * and the journal.
 */
@Component
class SagaHistoryReader {

    private static final String ORDER_AGGREGATE = "order#";
    private static final int BATCH_GET_LIMIT = 100;
    private static final int BATCH_GET_ROUNDS = 5;

    private final DynamoDbClient dynamoDb;
    private final ResourceNames names;
    private final TimelineJournal journal;
    private final Map<String, Set<String>> consumers = new TreeMap<>();

    SagaHistoryReader(DynamoDbClient dynamoDb, ResourceNames names, TimelineJournal journal,
            List<InboxConsumer> declared) {
        this.dynamoDb = dynamoDb;
        this.names = names;
        this.journal = journal;
        declared.forEach(consumer -> consumers.put(consumer.name(), consumer.eventTypes()));
    }

    Optional<SagaHistory> read(String orderId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(names.ordersTable()).consistentRead(true)
                .key(Map.of(SagaRow.ORDER_ID, s(orderId)))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        List<SagaHistory.OutboxRecord> events = events(orderId);
        return Optional.of(new SagaHistory(SagaRow.of(item), events, consumers, inbox(events), notices(orderId),
                journal.entries(orderId)));
    }

    private List<SagaHistory.OutboxRecord> events(String orderId) {
        return dynamoDb.queryPaginator(b -> b.tableName(names.outboxTable()).consistentRead(true)
                        .keyConditionExpression("aggregateKey = :key")
                        .expressionAttributeValues(Map.of(":key", s(ORDER_AGGREGATE + orderId))))
                .items().stream()
                .map(event -> new SagaHistory.OutboxRecord(string(event, "eventId"), string(event, "type"),
                        Instant.parse(string(event, "occurredAt")), instant(string(event, "publishedAt"))))
                .toList();
    }

    private Map<String, SagaHistory.InboxRecord> inbox(List<SagaHistory.OutboxRecord> events) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (SagaHistory.OutboxRecord event : events) {
            consumers.forEach((consumer, types) -> {
                if (types.contains(event.type())) {
                    keys.add(Map.of("inboxKey", s(SagaHistory.inboxKey(consumer, event.eventId()))));
                }
            });
        }
        Map<String, SagaHistory.InboxRecord> rows = new HashMap<>();
        for (int from = 0; from < keys.size(); from += BATCH_GET_LIMIT) {
            List<Map<String, AttributeValue>> batch = keys.subList(from, Math.min(keys.size(), from + BATCH_GET_LIMIT));
            Map<String, KeysAndAttributes> request = Map.of(names.inboxTable(),
                    KeysAndAttributes.builder().keys(batch).consistentRead(true).build());
            // What DynamoDB leaves unprocessed (throttling) is asked again a few times.
            for (int round = 0; round < BATCH_GET_ROUNDS && !request.isEmpty(); round++) {
                Map<String, KeysAndAttributes> ask = request;
                var answer = dynamoDb.batchGetItem(b -> b.requestItems(ask));
                answer.responses().getOrDefault(names.inboxTable(), List.of()).forEach(row -> rows.put(
                        string(row, "inboxKey"), new SagaHistory.InboxRecord(string(row, "status"), millis(row.get("completedAt")))));
                request = answer.hasUnprocessedKeys() ? answer.unprocessedKeys() : Map.of();
            }
        }
        return rows;
    }

    private List<SagaHistory.NoticeRecord> notices(String orderId) {
        return dynamoDb.queryPaginator(b -> b.tableName(names.notificationsTable()).consistentRead(true)
                        .keyConditionExpression("orderId = :orderId")
                        .expressionAttributeValues(Map.of(":orderId", s(orderId))))
                .items().stream()
                .map(notice -> new SagaHistory.NoticeRecord(string(notice, "kind"), string(notice, "text"),
                        string(notice, "eventId"), Instant.parse(string(notice, "sentAt"))))
                .toList();
    }

    private static Instant instant(String iso) {
        return iso == null ? null : Instant.parse(iso);
    }

    private static Instant millis(AttributeValue value) {
        return value == null || value.n() == null ? null : Instant.ofEpochMilli(Long.parseLong(value.n()));
    }
}
