package routes.outbox;

import static routes.aws.DynamoValues.n;
import static routes.aws.DynamoValues.s;
import static routes.aws.DynamoValues.string;
import static routes.aws.DynamoValues.timestamp;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import routes.aws.resources.ResourceNames;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Turns an {@link OutboxEvent} into the outbox put that rides in the same TransactWriteItems as the
 * business rows it reports. It is written pending (in the sparse pending index) and without TTL:
 * the relay clears the one and sets the other once the event is published.
 */
@Component
public class OutboxItems {

    public static final String PENDING = "PENDING";

    private final String table;

    public OutboxItems(ResourceNames names) {
        this.table = names.outboxTable();
    }

    public String table() {
        return table;
    }

    /** The event an outbox item (or a stream record's new image of one) holds. */
    public static OutboxEvent fromItem(Map<String, AttributeValue> item) {
        return new OutboxEvent(string(item, "eventId"), string(item, "type"), string(item, "aggregateType"),
                string(item, "aggregateId"), Long.parseLong(item.get("aggregateVersion").n()),
                string(item, "correlationId"), string(item, "causationId"),
                Instant.parse(string(item, "occurredAt")), string(item, "data"),
                TraceContext.valid(string(item, TraceContext.TRACEPARENT)));
    }

    /** The key of the event's outbox item. */
    public static Map<String, AttributeValue> key(OutboxEvent event) {
        return Map.of("aggregateKey", s(event.aggregateKey()), "aggregateVersion", n(event.aggregateVersion()));
    }

    public TransactWriteItem put(OutboxEvent event) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("aggregateKey", s(event.aggregateKey()));
        item.put("aggregateVersion", n(event.aggregateVersion()));
        item.put("eventId", s(event.eventId()));
        item.put("type", s(event.type()));
        item.put("aggregateType", s(event.aggregateType()));
        item.put("aggregateId", s(event.aggregateId()));
        item.put("correlationId", s(event.correlationId()));
        if (event.causationId() != null) {
            item.put("causationId", s(event.causationId()));
        }
        item.put("occurredAt", timestamp(event.occurredAt()));
        item.put("data", s(event.data()));
        String traceparent = TraceContext.valid(event.traceparent());
        if (traceparent != null) {
            item.put(TraceContext.TRACEPARENT, s(traceparent));
        }
        item.put("pendingBucket", s(PENDING));
        return TransactWriteItem.builder().put(Put.builder()
                        .tableName(table)
                        .item(item)
                        // A version is written once: a second writer of the same version is a conflict.
                        .conditionExpression("attribute_not_exists(aggregateKey)")
                        .build())
                .build();
    }
}
