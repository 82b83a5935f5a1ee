package routes.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static routes.ordersaga.SagaStep.INVENTORY_RELEASE;
import static routes.ordersaga.SagaStep.INVENTORY_RESERVE;
import static routes.ordersaga.SagaStep.PAYMENT_CAPTURE;
import static routes.support.TestOrders.committed;
import static routes.support.TestOrders.pendingOrder;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import routes.ordersaga.Order;
import routes.ordersaga.OrderLine;
import routes.ordersaga.OrderStatus;
import routes.saga.SagaChange;
import routes.saga.SagaChange.StepMark;
import routes.saga.StepDecision;
import routes.saga.StepSupersededException;
import routes.support.ResourceDefaults;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/** The inventory context's step rules: reserving an order's stock and releasing it, in any order, any number of times. */
class InventoryDecisionsTest {

    // Builds the stock updates only: no call reaches DynamoDB.
    private final InventoryStore store = new InventoryStore(null, ResourceDefaults.names());

    private static final OrderLine TWO_OF_SKU_1 = new OrderLine("SKU-1", 2, new BigDecimal("9.99"));
    private static final OrderLine ONE_OF_SKU_2 = new OrderLine("SKU-2", 1, new BigDecimal("24.50"));
    private static final OrderLine THREE_MORE_OF_SKU_1 = new OrderLine("SKU-1", 3, new BigDecimal("9.99"));

    @Test
    void reserveMarksTheStepWithItsEventAndOneStockUpdatePerSku() {
        Order order = pendingOrder("o-1").items(TWO_OF_SKU_1, ONE_OF_SKU_2, THREE_MORE_OF_SKU_1).build();

        SagaChange change = applied(InventoryDecisions.reserve(order, store::reserve));

        assertThat(change.step()).isEqualTo(INVENTORY_RESERVE);
        assertThat(change.mark()).isEqualTo(StepMark.DONE);
        assertThat(change.newStatus()).isNull();
        assertThat(change.eventType()).isEqualTo("inventory.reserved");
        assertThat(change.eventData()).isEqualTo("{\"orderId\":\"o-1\",\"customerId\":\"customer-1\",\"quantities\":{\"SKU-1\":5,\"SKU-2\":1}}");
        assertThat(change.otherItems()).extracting(TransactWriteItem::update)
                .extracting(InventoryDecisionsTest::sku, InventoryDecisionsTest::quantity)
                .containsExactly(tuple("SKU-1", "5"), tuple("SKU-2", "1"));
        assertThat(change.otherItems()).extracting(TransactWriteItem::update).allSatisfy(update -> {
            assertThat(update.tableName()).isEqualTo("inventory");
            assertThat(update.updateExpression()).isEqualTo("SET available = available - :q, reserved = reserved + :q");
            assertThat(update.conditionExpression()).isEqualTo("available >= :q");
        });
    }

    @Test
    void reserveRejectedByTheStockConditionIsOutOfStock() {
        SagaChange change = applied(InventoryDecisions.reserve(pendingOrder("o-1").build(), store::reserve));

        assertThat(change.whenOtherItemsRejected().get()).isInstanceOf(OutOfStockException.class)
                .extracting(failure -> ((OutOfStockException) failure).reason()).isEqualTo("OUT_OF_STOCK");
    }

    @Test
    void reserveAsksForTheOrdersLines() {
        List<List<OrderLine>> asked = new ArrayList<>();
        Order order = pendingOrder("o-1").items(TWO_OF_SKU_1, ONE_OF_SKU_2).build();

        InventoryDecisions.reserve(order, lines -> {
            asked.add(lines);
            return List.of();
        });

        assertThat(asked).containsExactly(List.of(TWO_OF_SKU_1, ONE_OF_SKU_2));
    }

    @Test
    void reserveRetriedAfterItCommittedIsAlreadyApplied() {
        Order order = pendingOrder("o-1").build();
        Order reserved = committed(order, applied(InventoryDecisions.reserve(order, store::reserve)));

        assertThat(InventoryDecisions.reserve(reserved, store::reserve)).isInstanceOf(StepDecision.AlreadyApplied.class);
    }

    @ParameterizedTest
    @EnumSource(value = OrderStatus.class, names = {"CONFIRMED", "CANCELLED"})
    void reserveForAFinishedOrderIsSuperseded(OrderStatus finished) {
        Order order = pendingOrder("o-1").status(finished).build();

        assertThat(refusal(InventoryDecisions.reserve(order, store::reserve))).isInstanceOf(StepSupersededException.class);
    }

    @Test
    void releaseOfReservedStockGivesEverySkuBackWithItsEvent() {
        Order order = pendingOrder("o-1").items(TWO_OF_SKU_1, ONE_OF_SKU_2, THREE_MORE_OF_SKU_1).done(INVENTORY_RESERVE).build();

        SagaChange change = applied(InventoryDecisions.release(order, store::release));

        assertThat(change.step()).isEqualTo(INVENTORY_RELEASE);
        assertThat(change.mark()).isEqualTo(StepMark.COMPENSATED);
        assertThat(change.newStatus()).isNull();
        assertThat(change.eventType()).isEqualTo("inventory.released");
        assertThat(change.eventData()).isEqualTo("{\"orderId\":\"o-1\",\"customerId\":\"customer-1\",\"quantities\":{\"SKU-1\":5,\"SKU-2\":1}}");
        assertThat(change.otherItems()).extracting(TransactWriteItem::update)
                .extracting(InventoryDecisionsTest::sku, InventoryDecisionsTest::quantity)
                .containsExactly(tuple("SKU-1", "5"), tuple("SKU-2", "1"));
        assertThat(change.otherItems()).extracting(TransactWriteItem::update).allSatisfy(update -> {
            assertThat(update.updateExpression()).isEqualTo("SET available = available + :q, reserved = reserved - :q");
            assertThat(update.conditionExpression()).isEqualTo("reserved >= :q");
        });
        assertThat(change.whenOtherItemsRejected().get()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void releaseRunTwiceIsAlreadyApplied() {
        Order order = pendingOrder("o-1").done(INVENTORY_RESERVE).build();
        Order released = committed(order, applied(InventoryDecisions.release(order, store::release)));

        assertThat(InventoryDecisions.release(released, store::release)).isInstanceOf(StepDecision.AlreadyApplied.class);
    }

    @Test
    void releaseBeforeTheReservationOnlyMarksTheOrderAndTheLateReservationIsSuperseded() {
        Order order = pendingOrder("o-1").build();

        SagaChange release = applied(InventoryDecisions.release(order, lines -> {
            throw new AssertionError("nothing was reserved: no stock to give back");
        }));

        assertThat(release.mark()).isEqualTo(StepMark.COMPENSATED);
        assertThat(release.step()).isEqualTo(INVENTORY_RELEASE);
        assertThat(release.eventType()).isNull();
        assertThat(release.eventData()).isNull();
        assertThat(release.otherItems()).isEmpty();

        Order released = committed(order, release);
        assertThat(refusal(InventoryDecisions.reserve(released, store::reserve)))
                .isInstanceOf(StepSupersededException.class).hasMessageContaining("inventory-reserve");
        assertThat(InventoryDecisions.release(released, store::release)).isInstanceOf(StepDecision.AlreadyApplied.class);
    }

    @Test
    void releaseOfAConfirmedOrderKeepsItsStockReserved() {
        Order confirmed = pendingOrder("o-1").done(INVENTORY_RESERVE, PAYMENT_CAPTURE).status(OrderStatus.CONFIRMED).build();

        assertThat(InventoryDecisions.release(confirmed, store::release)).isInstanceOf(StepDecision.AlreadyApplied.class);
    }

    private static String sku(Update update) {
        return update.key().get("sku").s();
    }

    private static String quantity(Update update) {
        Map<String, AttributeValue> values = update.expressionAttributeValues();
        return values.get(":q").n();
    }

    private static SagaChange applied(StepDecision decision) {
        assertThat(decision).isInstanceOf(StepDecision.Apply.class);
        return ((StepDecision.Apply) decision).change();
    }

    private static RuntimeException refusal(StepDecision decision) {
        assertThat(decision).isInstanceOf(StepDecision.Refuse.class);
        return ((StepDecision.Refuse) decision).failure();
    }
}
