package routes.inventory;

import static routes.outbox.EventData.json;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import routes.ordersaga.Order;
import routes.ordersaga.OrderLine;
import routes.ordersaga.OrderStatus;
import routes.ordersaga.SagaStep;
import routes.saga.SagaChange;
import routes.saga.StepDecision;
import routes.saga.StepSupersededException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** The inventory context's rules for reserving and releasing an order's stock. */
final class InventoryDecisions {

    record StockMoved(String orderId, String customerId, Map<String, Integer> quantities) {}

    private InventoryDecisions() {}

    static StepDecision reserve(Order order, Function<List<OrderLine>, List<TransactWriteItem>> reserveItems) {
        if (order.done(SagaStep.INVENTORY_RESERVE)) {
            return StepDecision.alreadyApplied("stock already reserved");
        }
        if (order.compensated(SagaStep.INVENTORY_RELEASE) || order.status() != OrderStatus.PENDING) {
            return StepDecision.refuse(new StepSupersededException(order.orderId(), SagaStep.INVENTORY_RESERVE,
                    "the release already ran"));
        }
        return StepDecision.apply(SagaChange.done(SagaStep.INVENTORY_RESERVE, InventoryEvents.RESERVED, moved(order))
                .withOtherItems(reserveItems.apply(order.items()), () -> new OutOfStockException(order.orderId())));
    }

    static StepDecision release(Order order, Function<List<OrderLine>, List<TransactWriteItem>> releaseItems) {
        if (order.compensated(SagaStep.INVENTORY_RELEASE)) {
            return StepDecision.alreadyApplied("stock already released");
        }
        if (order.status() == OrderStatus.CONFIRMED) {
            return StepDecision.alreadyApplied("order confirmed: its stock stays reserved");
        }
        if (!order.done(SagaStep.INVENTORY_RESERVE)) {
            // Nothing to give back, but the mark stops a late reservation from applying.
            return StepDecision.apply(SagaChange.compensated(SagaStep.INVENTORY_RELEASE, null, null));
        }
        return StepDecision.apply(SagaChange.compensated(SagaStep.INVENTORY_RELEASE, InventoryEvents.RELEASED, moved(order))
                .withOtherItems(releaseItems.apply(order.items()), () -> new IllegalStateException(
                        "Order " + order.orderId() + ": reserved stock is lower than the order's reservation")));
    }

    private static String moved(Order order) {
        return json(new StockMoved(order.orderId(), order.customerId(), InventoryStore.quantitiesBySku(order.items())));
    }
}
