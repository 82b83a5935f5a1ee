package routes.order;

import static routes.outbox.EventData.json;

import java.math.BigDecimal;
import java.util.List;
import routes.ordersaga.Order;
import routes.ordersaga.OrderLine;

/** The events the order context publishes: their types, declared once, and their data. */
public final class OrderEvents {

    public static final String CREATED = "order.created";
    public static final String CONFIRMED = "order.confirmed";
    public static final String CANCELLED = "order.cancelled";

    record Created(String orderId, String customerId, List<OrderLine> items, BigDecimal total) {}

    record Confirmed(String orderId, String customerId, BigDecimal total) {}

    record Cancelled(String orderId, String customerId, String reason) {}

    private OrderEvents() {}

    public static String created(Order order) {
        return json(new Created(order.orderId(), order.customerId(), order.items(), order.total()));
    }

    public static String confirmed(Order order) {
        return json(new Confirmed(order.orderId(), order.customerId(), order.total()));
    }

    public static String cancelled(Order order, String reason) {
        return json(new Cancelled(order.orderId(), order.customerId(), reason));
    }
}
