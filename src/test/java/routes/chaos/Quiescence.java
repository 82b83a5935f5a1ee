package routes.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import routes.aws.resources.ResourceNames;
import routes.notification.NotificationConsumer;
import routes.orderview.OrderViewConsumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Waits until nothing is left to happen: no order the recovery routes still look after (PENDING, or
 * cancelled and not yet reconciled with the payment provider), no pending outbox item, and the consumer
 * queues empty, in flight and delayed messages included, on two looks in a row. On the way it
 * notes since when the order view has equalled the orders table, for the convergence figure.
 */
final class Quiescence {

    /** How waiting ended, and since when the view has equalled the orders (null if it never did). */
    record Result(boolean reached, Instant at, Instant viewEqualSince, boolean viewEqualAtFirstLook, String lastLook) {}

    private static final Duration LOOK_EVERY = Duration.ofSeconds(2);
    private static final List<QueueAttributeName> DEPTHS = List.of(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED);

    private final DynamoDbClient dynamoDb;
    private final SqsClient sqs;
    private final ResourceNames names;

    Quiescence(DynamoDbClient dynamoDb, SqsClient sqs, ResourceNames names) {
        this.dynamoDb = dynamoDb;
        this.sqs = sqs;
        this.names = names;
    }

    Result await(Duration within) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        Instant viewEqualSince = null;
        int quietLooks = 0;
        Boolean viewEqualAtFirstLook = null;
        String look = "not looked yet";
        while (true) {
            Instant now = Instant.now();
            try {
                Map<String, String> statuses = StoredOutcome.statuses(dynamoDb, names);
                long pendingOrders = StoredOutcome.ordersAwaitingRecovery(dynamoDb, names);
                int pendingOutbox = StoredOutcome.pendingOutbox(dynamoDb, names);
                long notification = depth(names.queueOf(NotificationConsumer.NAME));
                long orderView = depth(names.queueOf(OrderViewConsumer.NAME));
                boolean viewEqual = viewEquals(statuses);
                viewEqualSince = viewEqual ? (viewEqualSince == null ? now : viewEqualSince) : null;
                viewEqualAtFirstLook = viewEqualAtFirstLook == null ? viewEqual : viewEqualAtFirstLook;
                look = String.format("%d orders awaiting recovery, %d pending outbox items, %d messages on %s, %d on %s, view %s",
                        pendingOrders, pendingOutbox, notification, names.queueOf(NotificationConsumer.NAME), orderView,
                        names.queueOf(OrderViewConsumer.NAME), viewEqual ? "equals orders" : "differs from orders");
                boolean quiet = pendingOrders == 0 && pendingOutbox == 0 && notification == 0 && orderView == 0;
                quietLooks = quiet ? quietLooks + 1 : 0;
                if (quietLooks == 2) {
                    return new Result(true, now, viewEqualSince, Boolean.TRUE.equals(viewEqualAtFirstLook), look);
                }
            } catch (RuntimeException lookFailed) {
                look = "look failed: " + lookFailed;
                quietLooks = 0;
            }
            if (now.isAfter(deadline)) {
                return new Result(false, now, viewEqualSince, Boolean.TRUE.equals(viewEqualAtFirstLook), look);
            }
            TimeUnit.MILLISECONDS.sleep(LOOK_EVERY.toMillis());
        }
    }

    private boolean viewEquals(Map<String, String> statuses) {
        Map<String, StoredOutcome.ViewRow> view = StoredOutcome.view(dynamoDb, names);
        return view.size() == statuses.size() && statuses.entrySet().stream()
                .allMatch(order -> view.containsKey(order.getKey())
                        && Objects.equals(view.get(order.getKey()).status(), order.getValue()));
    }

    private long depth(String queue) {
        String url = sqs.getQueueUrl(b -> b.queueName(queue)).queueUrl();
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(DEPTHS)).attributes();
        return DEPTHS.stream().mapToLong(name -> Long.parseLong(attributes.getOrDefault(name, "0"))).sum();
    }
}
