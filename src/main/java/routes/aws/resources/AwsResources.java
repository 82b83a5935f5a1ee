package routes.aws.resources;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;
import routes.aws.resources.TableSpec.IndexSpec;
import routes.aws.resources.TableSpec.Key;

/**
 * The one declaration of every AWS resource the application uses: the local bootstrap creates
 * exactly these, the aws mode checks exactly these, and infra/ is tested against them. The consumer
 * queues and their subscriptions follow the {@link SubscribedConsumer} beans the contexts declare.
 */
@Component
public class AwsResources {

    /** SNS message attribute (and, with raw delivery, SQS message attribute) holding the CloudEvent type. */
    public static final String EVENT_TYPE_ATTRIBUTE = "type";
    /** Orders index holding only PENDING orders (the attribute is removed when the saga ends). */
    public static final String ORDERS_PENDING_INDEX = "orders-pending";
    /** Outbox index holding only unpublished events (a sparse GSI: the attribute is removed on publish). */
    public static final String OUTBOX_PENDING_INDEX = "outbox-pending";
    /** TTL attribute (epoch seconds) of the outbox, inbox and timeline tables. */
    public static final String TTL_ATTRIBUTE = "expiresAt";
    /** SQS's longest retention: a dead letter waits 14 days for its replay instead of the default 4. */
    public static final Duration DEAD_LETTER_RETENTION = Duration.ofDays(14);

    private final ResourceNames names;
    private final List<SubscribedConsumer> consumers;

    public AwsResources(ResourceNames names, List<? extends SubscribedConsumer> consumers) {
        this.names = names;
        this.consumers = consumers.stream().sorted(Comparator.comparing(SubscribedConsumer::name))
                .map(SubscribedConsumer.class::cast).toList();
    }

    public List<TableSpec> tables() {
        return List.of(
                // The sparse pending index lists orders still PENDING: the saga recovery scans it.
                new TableSpec(names.ordersTable(), Key.hash("orderId"),
                        List.of(new IndexSpec(ORDERS_PENDING_INDEX, Key.hashAndRange("pendingBucket", "createdAt"))),
                        false, null),
                new TableSpec(names.inventoryTable(), Key.hash("sku"), List.of(), false, null),
                new TableSpec(names.paymentsTable(), Key.hash("orderId"), List.of(), false, null),
                // One partition per aggregate keeps an aggregate's events in commit order on the stream.
                new TableSpec(names.outboxTable(), Key.hashAndNumericRange("aggregateKey", "aggregateVersion"),
                        List.of(new IndexSpec(OUTBOX_PENDING_INDEX, Key.hashAndRange("pendingBucket", "occurredAt"))),
                        true, TTL_ATTRIBUTE),
                new TableSpec(names.inboxTable(), Key.hash("inboxKey"), List.of(), false, TTL_ATTRIBUTE),
                new TableSpec(names.orderViewTable(), Key.hashAndRange("customerId", "orderId"), List.of(), false, null),
                new TableSpec(names.notificationsTable(), Key.hashAndRange("orderId", "kind"), List.of(), false, null),
                // Per order, what no business row records (retries, consumer outcomes), in time order.
                new TableSpec(names.timelineTable(), Key.hashAndRange("orderId", "entryKey"), List.of(), false,
                        TTL_ATTRIBUTE));
    }

    public String topic() {
        return names.topic();
    }

    public List<QueueSpec> queues() {
        return consumers.stream().map(consumer -> queue(names.queueOf(consumer.name()))).toList();
    }

    public List<SubscriptionSpec> subscriptions() {
        return consumers.stream().map(consumer -> new SubscriptionSpec(names.queueOf(consumer.name()),
                consumer.subscriptionFilter().stream().sorted().toList())).toList();
    }

    private QueueSpec queue(String name) {
        return new QueueSpec(name, names.deadLetterQueue(name), names.maxReceiveCount(), names.visibilityTimeout(),
                DEAD_LETTER_RETENTION);
    }
}
