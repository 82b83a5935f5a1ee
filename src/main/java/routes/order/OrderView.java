package routes.order;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import routes.ordersaga.Order;
import routes.ordersaga.OrderLine;
import routes.ordersaga.OrderStatus;
import routes.saga.StepRecord;

/** An order as {@code GET /api/orders/{id}} shows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderView(
        String orderId,
        String customerId,
        OrderStatus status,
        String reason,
        List<OrderLine> items,
        BigDecimal total,
        List<StepRecord> steps,
        long version) {

    static OrderView of(Order order) {
        return new OrderView(order.orderId(), order.customerId(), order.status(), order.reason(), order.items(),
                order.total(), order.steps(), order.version());
    }

    /** The short answer of an accepted order: {@code {"orderId", "status"}}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Accepted(String orderId, OrderStatus status) {}
}
