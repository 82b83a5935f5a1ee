package routes.order;

import static routes.aws.DynamoValues.s;
import static routes.aws.DynamoValues.timestamp;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;
import routes.aws.resources.AwsResources;
import routes.aws.resources.ResourceNames;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Finds orders whose saga was lost: the in-memory saga service forgets every saga on a crash, so an
 * order still PENDING well past the saga timeout has nobody left to finish it. The order row says
 * which steps committed, and so which compensations to run.
 */
@Component
public class OrderRecovery {

    private final DynamoDbClient dynamoDb;
    private final OrderLog orders;
    private final String table;
    private final SagaProperties saga;
    private final Clock clock;

    public OrderRecovery(DynamoDbClient dynamoDb, OrderLog orders, ResourceNames names, SagaProperties saga, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.orders = orders;
        this.table = names.ordersTable();
        this.saga = saga;
        this.clock = clock;
    }

    /** Ids of PENDING orders created before timeout + grace ago, oldest first. */
    public List<String> abandonedOrders() {
        var cutoff = clock.instant().minus(saga.timeout()).minus(saga.recoveryGrace());
        return dynamoDb.queryPaginator(b -> b.tableName(table)
                        .indexName(AwsResources.ORDERS_PENDING_INDEX)
                        .keyConditionExpression("pendingBucket = :pending AND createdAt < :cutoff")
                        .expressionAttributeValues(Map.of(":pending", s(OrderStatus.PENDING.name()),
                                ":cutoff", timestamp(cutoff)))
                        .projectionExpression("orderId"))
                .items().stream()
                .map(item -> item.get("orderId").s())
                .toList();
    }

    /**
     * Whether the saga got past the reservation: then the order holds stock, and its payment may
     * hold money (the capture may have reached the provider before the crash although the order row
     * does not show it; the refund asks the provider, so it is safe either way).
     */
    public boolean reservedStock(@Header(SagaHeaders.ORDER_ID) String orderId) {
        return orders.find(orderId).map(order -> order.done(SagaStep.INVENTORY_RESERVE)).orElse(false);
    }
}
