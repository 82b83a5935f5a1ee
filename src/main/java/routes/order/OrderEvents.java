package routes.order;

import static routes.outbox.EventData.json;

import java.math.BigDecimal;
import java.util.List;

/** The data of the order context's events. */
final class OrderEvents {

    record Created(String orderId, String customerId, List<OrderLine> items, BigDecimal total) {}

    record Confirmed(String orderId, String customerId, BigDecimal total) {}

    record Cancelled(String orderId, String customerId, String reason) {}

    private OrderEvents() {}

    static String created(Order order) {
        return json(new Created(order.orderId(), order.customerId(), order.items(), order.total()));
    }

    static String confirmed(Order order) {
        return json(new Confirmed(order.orderId(), order.customerId(), order.total()));
    }

    static String cancelled(Order order, String reason) {
        return json(new Cancelled(order.orderId(), order.customerId(), reason));
    }
}
