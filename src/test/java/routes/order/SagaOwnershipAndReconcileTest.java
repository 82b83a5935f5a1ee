package routes.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import routes.inventory.InventoryReservation;
import routes.inventory.InventoryStore;
import routes.ordersaga.Order;
import routes.ordersaga.OrderLine;
import routes.ordersaga.OrderLog;
import routes.ordersaga.OrderStatus;
import routes.ordersaga.SagaHeaders;
import routes.ordersaga.SagaStep;
import routes.payment.PaymentProvider;
import routes.payment.PaymentRefund;
import routes.saga.StepRecord;
import routes.support.EmbeddedAwsTest;
import routes.support.StoredState;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The order row as the saga's log decides who may undo what, on the real routes and the embedded
 * DynamoDB: only the saga that owns an order compensates it, and a cancelled order whose payment
 * answered too late still gets its money back through the recovery route's reconciliation.
 */
@EmbeddedAwsTest
class SagaOwnershipAndReconcileTest {

    @Autowired ProducerTemplate camel;
    @Autowired OrderLog orders;
    @Autowired InventoryReservation inventory;
    @Autowired InventoryStore stock;
    @Autowired PaymentRefund refunds;
    @Autowired PaymentProvider provider;
    @Autowired DynamoDbClient dynamoDb;

    StoredState stored;
    String sku;
    String orderId;

    @BeforeEach
    void orderOwnedBySagaA() {
        stored = new StoredState(dynamoDb);
        sku = "OWN-" + UUID.randomUUID();
        stock.setStock(sku, 10, new BigDecimal("2.50"));
        orderId = "owned-" + UUID.randomUUID();
        Order order = Order.placed(orderId, "customer-1", List.of(new OrderLine(sku, 2, new BigDecimal("2.50"))),
                "tok_ok", "hash", Instant.now());
        assertThat(orders.create(order, OrderEvents.CREATED, OrderEvents.created(order), "saga-a")).isTrue();
        inventory.reserve(orderId);
    }

    @Test
    void anotherSagasCompensationsLeaveTheOrderAlone() {
        // The saga of a duplicate POST that failed (or of a lost saga that was resumed) times out later.
        compensate("direct:payment-refund", "saga-b");
        compensate("direct:inventory-release", "saga-b");
        compensate("direct:order-cancel", "saga-b");

        Order untouched = orders.find(orderId).orElseThrow();
        assertThat(untouched.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(untouched.compensatedSteps()).isEmpty();
        assertThat(stored.stock(sku)).isEqualTo(new StoredState.Stock(8, 2));

        compensate("direct:payment-refund", "saga-a");
        compensate("direct:inventory-release", "saga-a");
        compensate("direct:order-cancel", "saga-a");

        assertThat(orders.find(orderId).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(stored.stock(sku)).isEqualTo(new StoredState.Stock(10, 0));
    }

    @Test
    void cancelWaitsWhileTheReleaseHasNotRunSoTheOrderStaysPendingForRecovery() {
        Exchange refused = compensate("direct:order-cancel", "saga-a");

        assertThat(refused.getException()).isInstanceOf(CompensationPendingException.class);
        assertThat(orders.find(orderId).orElseThrow().status()).isEqualTo(OrderStatus.PENDING);
    }

    @Test
    void aCaptureThatLandsAfterTheCancelIsRefundedByTheReconciliation() {
        compensate("direct:payment-refund", "saga-a");
        compensate("direct:inventory-release", "saga-a");
        compensate("direct:order-cancel", "saga-a");
        assertThat(orders.find(orderId).orElseThrow().reconcileDue()).as("reached the payment step").isTrue();
        // The provider captures after all (a call in flight when the saga compensated), and the instance
        // that would refund it inline dies: only the order row's reconciliation mark is left.
        provider.capture(orderId, new BigDecimal("5.00"), "tok_ok");
        assertThat(stored.providerLedger(orderId).held()).isEqualByComparingTo("5.00");

        await().atMost(Duration.ofSeconds(30)).until(() -> !orders.find(orderId).orElseThrow().reconcileDue());

        assertThat(stored.providerLedger(orderId).held()).isEqualByComparingTo("0");
        assertThat(stored.payment(orderId).held()).isEqualByComparingTo("0");
        assertThat(stored.eventTypes(orderId)).endsWith("order.cancelled", "payment.refunded");
    }

    @Test
    void theInlineRefundOfALateCaptureRecordsItsIntentFirst() {
        compensate("direct:payment-refund", "saga-a");
        compensate("direct:inventory-release", "saga-a");
        compensate("direct:order-cancel", "saga-a");
        provider.capture(orderId, new BigDecimal("5.00"), "tok_ok");

        refunds.refundLateCapture(orderId);

        Order order = orders.find(orderId).orElseThrow();
        assertThat(order.hasHistory(SagaStep.PAYMENT_CAPTURE, "LATE_CAPTURE")).isTrue();
        assertThat(order.hasHistory(SagaStep.PAYMENT_CAPTURE, "LATE_CAPTURE_REFUNDED")).isTrue();
        assertThat(order.reconcileDue()).isFalse();
        assertThat(stored.providerLedger(orderId).held()).isEqualByComparingTo("0");
    }

    private Exchange compensate(String compensation, String sagaId) {
        return camel.send(compensation, exchange -> exchange.getMessage().setHeaders(Map.of(
                SagaHeaders.ORDER_ID, orderId, Exchange.SAGA_LONG_RUNNING_ACTION, sagaId)));
    }
}
