package routes.outbox;

import static routes.aws.DynamoValues.s;
import static routes.aws.DynamoValues.timestamp;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import routes.aws.resources.AwsResources;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Finds outbox events still pending after the stream path had its chance: the relay was down or
 * restarting, a publish failed, a shard rolled over unseen. This is the relay's guarantee; the
 * stream only makes it fast.
 */
@Component
public class OutboxSweeper {

    private final DynamoDbClient dynamoDb;
    private final OutboxItems items;
    private final OutboxMetrics metrics;
    private final OutboxProperties settings;
    private final Clock clock;

    public OutboxSweeper(DynamoDbClient dynamoDb, OutboxItems items, OutboxMetrics metrics, OutboxProperties settings,
            Clock clock) {
        this.dynamoDb = dynamoDb;
        this.items = items;
        this.metrics = metrics;
        this.settings = settings;
        this.clock = clock;
    }

    /** Pending events older than the minimum age, oldest first, each aggregate's in version order. */
    public List<OutboxEvent> pendingEvents() {
        metrics.pending(countPending());
        var cutoff = clock.instant().minus(settings.sweepMinAge());
        return dynamoDb.queryPaginator(b -> b.tableName(items.table())
                        .indexName(AwsResources.OUTBOX_PENDING_INDEX)
                        .keyConditionExpression("pendingBucket = :pending AND occurredAt < :cutoff")
                        .expressionAttributeValues(Map.of(":pending", s(OutboxItems.PENDING), ":cutoff", timestamp(cutoff)))
                        .limit(settings.sweepLimit()))
                .items().stream()
                .limit(settings.sweepLimit())
                .map(OutboxItems::fromItem)
                .sorted(Comparator.comparing(OutboxEvent::aggregateKey).thenComparingLong(OutboxEvent::aggregateVersion))
                .toList();
    }

    private long countPending() {
        return dynamoDb.queryPaginator(b -> b.tableName(items.table())
                        .indexName(AwsResources.OUTBOX_PENDING_INDEX)
                        .keyConditionExpression("pendingBucket = :pending")
                        .expressionAttributeValues(Map.of(":pending", s(OutboxItems.PENDING)))
                        .select("COUNT"))
                .stream().mapToLong(QueryResponse::count).sum();
    }
}
