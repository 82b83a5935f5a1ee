package routes.inventory;

import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;
import routes.ordersaga.OrderLog;
import routes.ordersaga.SagaHeaders;

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

    /** Releases the stock for the saga that owns the order (a null saga id: recovery, for whichever saga did). */
    public void release(@Header(SagaHeaders.ORDER_ID) String orderId, @Header(Exchange.SAGA_LONG_RUNNING_ACTION) String sagaId) {
        orders.compensate(orderId, sagaId, order -> InventoryDecisions.release(order, store::release));
    }
}
