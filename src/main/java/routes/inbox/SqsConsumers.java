package routes.inbox;

import java.util.Set;

/** Names the SQS consumer routes share: the consumer property, and which event types each reads. */
public final class SqsConsumers {

    /** Exchange property naming the consumer (and so its queue and dead-letter queue). */
    public static final String CONSUMER = "inboxConsumer";
    public static final String NOTIFICATION = "notification";
    public static final String ORDER_VIEW = "order-view";

    public static final Set<String> ORDER_VIEW_TYPES = Set.of("order.created", "inventory.reserved",
            "payment.captured", "payment.declined", "payment.refunded", "inventory.released", "order.confirmed",
            "order.cancelled");
    public static final Set<String> NOTIFICATION_TYPES = Set.of("order.confirmed", "order.cancelled");

    private SqsConsumers() {}

    /** The queue a consumer reads: each consumer has its own (topic-queue chaining). */
    public static String queueOf(String consumer, routes.aws.resources.ResourceNames names) {
        return switch (consumer) {
            case NOTIFICATION -> names.notificationQueue();
            case ORDER_VIEW -> names.orderViewQueue();
            default -> throw new IllegalArgumentException("No consumer named " + consumer);
        };
    }
}
