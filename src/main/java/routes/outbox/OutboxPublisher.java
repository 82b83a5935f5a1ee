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
import routes.aws.resources.EventsTopicArn;
import routes.logging.LogContext;
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
 * Only what SNS did not accept is retried; past the retries it stays pending for the sweeper, and a
 * re-publish carries the same ids.
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
    private final EventsTopicArn topic;
    private final CloudEventMapper mapper;
    private final OutboxItems items;
    private final OutboxMetrics metrics;
    private final OutboxProperties settings;
    private final Clock clock;
    private final AtomicBoolean failing = new AtomicBoolean();

    public OutboxPublisher(SnsClient sns, DynamoDbClient dynamoDb, EventsTopicArn topic, CloudEventMapper mapper,
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

    /**
     * Publishes every batch; the events SNS refused, and every batch from a call that failed outright,
     * are thrown back in an {@link OutboxPublishException} for the redelivery, the rest marked published.
     */
    void publish(List<OutboxEvent> events, Path path) {
        List<OutboxEvent> unpublished = new ArrayList<>();
        RuntimeException failure = null;
        for (int start = 0; start < events.size(); start += settings.batchSize()) {
            List<OutboxEvent> batch = events.subList(start, Math.min(events.size(), start + settings.batchSize()));
            try {
                List<OutboxEvent> refused = publishBatch(batch);
                Instant acknowledged = clock.instant();
                List<OutboxEvent> accepted = batch.stream().filter(event -> !refused.contains(event)).toList();
                markPublished(accepted, acknowledged);
                accepted.forEach(event -> metrics.published(path, event.occurredAt(), acknowledged));
                accepted.forEach(event -> logPublished(event, path));
                unpublished.addAll(refused);
            } catch (RuntimeException e) {
                // Outcome unknown for this batch (SNS or the mark failed): it and the later ones go again.
                unpublished.addAll(events.subList(start, events.size()));
                failure = e;
                break;
            }
        }
        if (!unpublished.isEmpty()) {
            OutboxPublishException partial = new OutboxPublishException(unpublished.size() + " of " + events.size()
                    + " events were not published" + (failure == null ? "" : " (" + failure + ")"), unpublished, failure);
            if (failing.compareAndSet(false, true)) {
                log.warn("Publishing to SNS failed ({}); those events stay pending and are retried", partial.getMessage());
            }
            throw partial;
        }
        if (failing.compareAndSet(true, false)) {
            log.info("Publishing to SNS works again: the relay is catching up ({} events just published by the {})",
                    events.size(), path.name().toLowerCase());
        }
    }

    /** The events of the batch SNS refused (none when all went through). */
    private List<OutboxEvent> publishBatch(List<OutboxEvent> batch) {
        List<PublishBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            OutboxEvent event = batch.get(i);
            entries.add(PublishBatchRequestEntry.builder()
                    .id(Integer.toString(i))
                    .message(mapper.toJson(event))
                    .messageAttributes(mapper.attributes(event))
                    .build());
        }
        PublishBatchResponse response = sns.publishBatch(b -> b.topicArn(topic.value()).publishBatchRequestEntries(entries));
        if (!response.hasFailed() || response.failed().isEmpty()) {
            return List.of();
        }
        List<OutboxEvent> refused = new ArrayList<>();
        for (BatchResultErrorEntry entry : response.failed()) {
            OutboxEvent event = batch.get(Integer.parseInt(entry.id()));
            try (LogContext.Scope inLog = LogContext.order(event.aggregateId())) {
                log.debug("SNS refused event {} of order {}: {} {}", event.eventId(), event.aggregateId(), entry.code(),
                        entry.message());
            }
            refused.add(event);
        }
        return refused;
    }

    /** One line per event, with its order id in the MDC, so a grep for the order finds its events. */
    private static void logPublished(OutboxEvent event, Path path) {
        try (LogContext.Scope inLog = LogContext.order(event.aggregateId())) {
            log.info("Order {}: published event {} {} ({})", event.aggregateId(), event.type(), event.eventId(),
                    path.name().toLowerCase());
        }
    }

    /** One round trip for the whole batch; item by item only if one of them is gone (expired meanwhile). */
    private void markPublished(List<OutboxEvent> batch, Instant publishedAt) {
        if (batch.isEmpty()) {
            return;
        }
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
