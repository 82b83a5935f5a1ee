package routes.timeline;

import static routes.aws.DynamoValues.n;
import static routes.aws.DynamoValues.s;
import static routes.aws.DynamoValues.string;
import static routes.aws.DynamoValues.timestamp;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import routes.aws.resources.AwsResources;
import routes.aws.resources.ResourceNames;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The {@code saga_timeline} table: per order, the exceptional outcomes no business row records
 * (retries, duplicates, stale skips, deferrals, dead letters), kept for {@code app.timeline.retention}.
 * Writing is best-effort: the journal only explains, so a failed write is logged and forgotten and
 * never changes the step or consumer that wrote it.
 */
@Component
public class TimelineJournal {

    static final String ORDER_ID = "orderId";
    static final String ENTRY_KEY = "entryKey";
    private static final Logger log = LoggerFactory.getLogger(TimelineJournal.class);

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final TimelineProperties settings;
    private final Clock clock;

    public TimelineJournal(DynamoDbClient dynamoDb, ResourceNames names, TimelineProperties settings, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.table = names.timelineTable();
        this.settings = settings;
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    /** Writes the entry; never throws (an order id that is null or blank leaves nothing to attach it to). */
    public void record(TimelineEntry entry) {
        if (entry.orderId() == null || entry.orderId().isBlank()) {
            return;
        }
        try {
            dynamoDb.putItem(b -> b.tableName(table).item(item(entry))
                    .overrideConfiguration(o -> o.apiCallTimeout(settings.writeTimeout())));
        } catch (RuntimeException e) {
            log.warn("Order {}: could not journal its {} {} for the saga explorer: {}", entry.orderId(), entry.kind(),
                    entry.name(), e.toString());
        }
    }

    /** The order's entries, oldest first. */
    public List<TimelineEntry> entries(String orderId) {
        return dynamoDb.queryPaginator(b -> b.tableName(table).consistentRead(true)
                        .keyConditionExpression("orderId = :orderId")
                        .expressionAttributeValues(Map.of(":orderId", s(orderId))))
                .items().stream().map(TimelineJournal::entry).toList();
    }

    private Map<String, AttributeValue> item(TimelineEntry entry) {
        Map<String, AttributeValue> detail = new HashMap<>();
        entry.detail().forEach((field, value) -> detail.put(field,
                value instanceof Number number ? AttributeValue.fromN(number.toString()) : s(value.toString())));
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(ORDER_ID, s(entry.orderId()));
        // The instant first, so entries sort by time; the suffix, so two in the same millisecond never collide.
        item.put(ENTRY_KEY, s(timestamp(entry.at()).s() + "#" + UUID.randomUUID()));
        item.put("at", timestamp(entry.at()));
        item.put("kind", s(entry.kind()));
        item.put("name", s(entry.name()));
        item.put("detail", AttributeValue.fromM(detail));
        item.put(AwsResources.TTL_ATTRIBUTE, n(clock.instant().plus(settings.retention()).getEpochSecond()));
        return item;
    }

    private static TimelineEntry entry(Map<String, AttributeValue> item) {
        Map<String, Object> detail = new LinkedHashMap<>();
        AttributeValue stored = item.get("detail");
        if (stored != null && stored.hasM()) {
            stored.m().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(field -> detail.put(field.getKey(),
                    field.getValue().n() != null ? (Object) Long.parseLong(field.getValue().n()) : field.getValue().s()));
        }
        return new TimelineEntry(string(item, ORDER_ID), Instant.parse(string(item, "at")), string(item, "kind"),
                string(item, "name"), detail);
    }
}
