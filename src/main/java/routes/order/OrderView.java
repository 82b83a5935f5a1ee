package routes.order;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.List;
import routes.ordersaga.Order;
import routes.ordersaga.OrderLine;
import routes.ordersaga.OrderStatus;
import routes.saga.StepRecord;

/** An order as {@code GET /api/orders/{id}} shows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(requiredProperties = {"orderId", "customerId", "status", "items", "total", "steps", "version"},
        additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
public record OrderView(
        String orderId,
        String customerId,
        OrderStatus status,
        @Schema(description = "Why it was cancelled: PAYMENT_DECLINED, OUT_OF_STOCK, TIMEOUT, TECHNICAL_FAILURE")
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
    @Schema(name = "OrderAccepted", requiredProperties = {"orderId", "status"},
            additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    public record Accepted(String orderId, OrderStatus status) {}
}
