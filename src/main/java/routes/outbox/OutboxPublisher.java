package routes.outbox;

import static routes.aws.DynamoValues.n;
import static routes.aws.DynamoValues.timestamp;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.Body;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;

/**
 * Publishes outbox events to SNS as CloudEvents, in the order given, in batches of up to ten; then
 * marks each published item: out of the pending index, and a TTL to expire it after the retention.
 * A failed publish leaves the events pending for the sweeper; a re-publish carries the same ids.
 */
@Component
public class OutboxPublisher {

    /** Which part of the relay published: the stream (low latency) or the sweeper (the guarantee). */
    public enum Path { STREAM, SWEEPER }

    private static final Logger log = LoggerFactory.getLogger(OutboxPublisher.class);
    // Out of the pending index, and expiring after the retention.
    private static final String PUBLISHED = "REMOVE pendingBucket SET expiresAt = :expiresAt, publishedAt = :publishedAt";
    private static final String STILL_THERE = "attribute_exists(aggregateKey)";

    private final SnsClient sns;
    private final DynamoDbClient dynamoDb;
    private final OrderEventsTopic topic;
    private final CloudEventMapper mapper;
    private final OutboxItems items;
    private final OutboxMetrics metrics;
    private final OutboxProperties settings;
    private final Clock clock;
    private final AtomicBoolean failing = new AtomicBoolean();

    public OutboxPublisher(SnsClient sns, DynamoDbClient dynamoDb, OrderEventsTopic topic, CloudEventMapper mapper,
            OutboxItems items, OutboxMetrics metrics, OutboxProperties settings, Clock clock) {
        this.sns = sns;
        this.dynamoDb = dynamoDb;
        this.topic = topic;
        this.mapper = mapper;
        this.items = items;
        this.metrics = metrics;
        this.settings = settings;
        this.clock = clock;
    }

    public void publishFromStream(@Body List<OutboxEvent> events) {
        publish(events, Path.STREAM);
    }

    public void publishFromSweeper(@Body List<OutboxEvent> events) {
        publish(events, Path.SWEEPER);
    }

    void publish(List<OutboxEvent> events, Path path) {
        try {
            for (int start = 0; start < events.size(); start += settings.batchSize()) {
                List<OutboxEvent> batch = events.subList(start, Math.min(events.size(), start + settings.batchSize()));
                publishBatch(batch);
                Instant acknowledged = clock.instant();
                markPublished(batch, acknowledged);
                batch.forEach(event -> metrics.published(path, event.occurredAt(), acknowledged));
            }
        } catch (RuntimeException e) {
            if (failing.compareAndSet(false, true)) {
                log.warn("Publishing to SNS failed ({}); the events stay pending and the sweeper retries them", e.toString());
            }
            throw e;
        }
        if (failing.compareAndSet(true, false)) {
            log.info("Publishing to SNS works again: the relay is catching up ({} events just published by the {})",
                    events.size(), path.name().toLowerCase());
        }
    }

    private void publishBatch(List<OutboxEvent> batch) {
        List<PublishBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            OutboxEvent event = batch.get(i);
            entries.add(PublishBatchRequestEntry.builder()
                    .id(Integer.toString(i))
                    .message(mapper.toJson(event))
                    .messageAttributes(mapper.attributes(event))
                    .build());
        }
        PublishBatchResponse response = sns.publishBatch(b -> b.topicArn(topic.arn()).publishBatchRequestEntries(entries));
        if (response.hasFailed() && !response.failed().isEmpty()) {
            BatchResultErrorEntry first = response.failed().get(0);
            throw new OutboxPublishException(response.failed().size() + " of " + batch.size()
                    + " events were not published, first: " + first.code() + " " + first.message());
        }
    }

    /** One round trip for the whole batch; item by item only if one of them is gone (expired meanwhile). */
    private void markPublished(List<OutboxEvent> batch, Instant publishedAt) {
        try {
            dynamoDb.transactWriteItems(b -> b.transactItems(batch.stream()
                    .map(event -> TransactWriteItem.builder().update(u -> u.tableName(items.table())
                            .key(OutboxItems.key(event))
                            .updateExpression(PUBLISHED)
                            .conditionExpression(STILL_THERE)
                            .expressionAttributeValues(publishedValues(publishedAt))).build())
                    .toList()));
        } catch (TransactionCanceledException oneIsGone) {
            for (OutboxEvent event : batch) {
                try {
                    dynamoDb.updateItem(b -> b.tableName(items.table())
                            .key(OutboxItems.key(event))
                            .updateExpression(PUBLISHED)
                            .conditionExpression(STILL_THERE)
                            .expressionAttributeValues(publishedValues(publishedAt)));
                } catch (ConditionalCheckFailedException gone) {
                    log.debug("Outbox item of event {} is gone already", event.eventId());
                }
            }
        }
    }

    private Map<String, AttributeValue> publishedValues(Instant publishedAt) {
        return Map.of(":expiresAt", n(publishedAt.plus(settings.retention()).getEpochSecond()),
                ":publishedAt", timestamp(publishedAt));
    }
}
