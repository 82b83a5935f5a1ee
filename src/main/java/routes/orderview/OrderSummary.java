package routes.orderview;

import java.math.BigDecimal;

/**
 * One row of the {@code order_view} read model: a customer's order with its status, total and last
 * event. {@code version} is the newest event's aggregate version the view has seen, {@code statusVersion}
 * that of the newest event that set the status (0: none yet, PENDING), and {@code revision} counts the
 * row's writes, so that two writers never overwrite each other.
 */
public record OrderSummary(
        String customerId,
        String orderId,
        String status,
        long statusVersion,
        BigDecimal total,
        String lastEventType,
        String lastEventId,
        long version,
        long revision) {}
