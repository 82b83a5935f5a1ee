package routes.ordersaga;

import java.time.Clock;
import org.springframework.stereotype.Component;
import routes.aws.resources.ResourceNames;
import routes.outbox.OutboxItems;
import routes.saga.SagaLog;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The orders table as the order saga's log: every participant's step goes through it. */
@Component
public class OrderLog extends SagaLog<Order> {

    /** The bounded context of the events written with the order row. */
    private static final String AGGREGATE_TYPE = "order";

    public OrderLog(DynamoDbClient dynamoDb, OutboxItems outbox, ResourceNames names, Clock clock) {
        super(dynamoDb, outbox, clock, names.ordersTable(), OrderRows.ORDER_ID, AGGREGATE_TYPE, OrderRows::fromItem);
    }

    /**
     * Writes a placed order with its first event, on behalf of the saga {@code sagaId}. False when
     * the order id is taken by another saga (or request): the caller then compares the existing
     * order with its request.
     */
    public boolean create(Order order, String eventType, String eventData, String sagaId) {
        return start(order.orderId(), OrderRows.toItem(order), eventType, eventData, order.createdAt(), sagaId);
    }
}
