package routes.orderview;

import java.math.BigDecimal;
import java.util.Set;

/**
 * One row of the {@code order_view} read model: a customer's order with its latest status, total
 * and last event, as of aggregate {@code version}. {@code appliedEventIds} lets an event wait for
 * its cause.
 */
public record OrderSummary(
        String customerId,
        String orderId,
        String status,
        BigDecimal total,
        String lastEventType,
        String lastEventId,
        long version,
        Set<String> appliedEventIds) {}
