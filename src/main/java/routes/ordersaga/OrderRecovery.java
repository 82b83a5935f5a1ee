package routes.ordersaga;

import static routes.aws.DynamoValues.s;
import static routes.aws.DynamoValues.timestamp;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;
import routes.aws.resources.AwsResources;
import routes.aws.resources.ResourceNames;
import routes.saga.SagaCustody;
import routes.saga.SagaRows;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Finds the orders the recovery routes look after, through the sparse pending index: PENDING orders
 * whose saga was lost (the in-process saga service forgets every saga on a crash, and gives a saga
 * up when a compensation keeps failing), and cancelled orders due a check with the payment provider.
 */
@Component
public class OrderRecovery {

    private final DynamoDbClient dynamoDb;
    private final OrderLog orders;
    private final String table;
    private final SagaProperties saga;
    private final Clock clock;
    private final SagaCustody custody;

    public OrderRecovery(DynamoDbClient dynamoDb, OrderLog orders, ResourceNames names, SagaProperties saga, Clock clock,
            SagaCustody custody) {
        this.custody = custody;
        this.dynamoDb = dynamoDb;
        this.orders = orders;
        this.table = names.ordersTable();
        this.saga = saga;
        this.clock = clock;
    }

    /**
     * Ids of PENDING orders no step has written for timeout + grace, oldest first: a running saga
     * writes or is compensated by its timeout well within that.
     */
    public List<String> lostSagas() {
        return quietSince(SagaRows.RUNNING, clock.instant().minus(saga.timeout()).minus(saga.recoveryGrace()));
    }

    /** Ids of cancelled orders to check with the provider: any capture in flight has answered by now. */
    public List<String> ordersToReconcile() {
        return quietSince(SagaRows.RECONCILE, clock.instant().minus(saga.reconcileDelay()));
    }

    /** What to do with a quiet order; nothing while its saga's coordinator still drives it (LRA mode). */
    public RecoveryAction action(@Header(SagaHeaders.ORDER_ID) String orderId) {
        return orders.find(orderId)
                .filter(order -> !custody.held(order.sagaId()))
                .map(order -> RecoveryDecisions.recover(order, clock.instant(), saga.resumeDeadline()))
                .orElse(RecoveryAction.NONE);
    }

    private List<String> quietSince(String bucket, Instant cutoff) {
        return dynamoDb.queryPaginator(b -> b.tableName(table)
                        .indexName(AwsResources.ORDERS_PENDING_INDEX)
                        .keyConditionExpression("pendingBucket = :bucket AND createdAt < :cutoff")
                        .filterExpression("updatedAt < :cutoff")
                        .expressionAttributeValues(Map.of(":bucket", s(bucket), ":cutoff", timestamp(cutoff))))
                .items().stream()
                .map(item -> item.get(OrderRows.ORDER_ID).s())
                .toList();
    }
}
