package routes.inventory;

import org.apache.camel.Header;
import org.springframework.stereotype.Component;
import routes.order.OrderLog;
import routes.order.SagaHeaders;

/** The inventory participant of the saga: reserves an order's stock, and releases it as compensation. */
@Component
public class InventoryReservation {

    private final OrderLog orders;
    private final InventoryStore store;

    public InventoryReservation(OrderLog orders, InventoryStore store) {
        this.orders = orders;
        this.store = store;
    }

    public void reserve(@Header(SagaHeaders.ORDER_ID) String orderId) {
        orders.apply(orderId, order -> InventoryDecisions.reserve(order, store::reserve));
    }

    public void release(@Header(SagaHeaders.ORDER_ID) String orderId) {
        orders.apply(orderId, order -> InventoryDecisions.release(order, store::release));
    }
}
