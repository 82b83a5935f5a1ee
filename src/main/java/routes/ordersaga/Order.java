package routes.ordersaga;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import routes.saga.SagaRecord;
import routes.saga.StepRecord;

/**
 * The order row: the order itself and the log of its saga, which every participant decides on.
 * A new order comes from {@link #placed}; rows are written by the step engine only.
 *
 * @param requestHash hash of the request that placed it, to tell a retry from a conflicting request
 * @param lastEventId id of the newest event written for the order: the causation id of the next
 * @param sagaId      the saga that owns the order: only its compensations act on it
 * @param paymentToken what the payment step charges, kept so that a lost saga can be resumed
 * @param updatedAt   when a step last wrote the row: a PENDING order quiet for long has lost its saga
 * @param reconcileDue a cancelled order that reached the payment step, not yet checked with the provider
 * @param traceparent W3C trace context of the request that placed it, or null: its events carry it
 */
public record Order(
        String orderId,
        String customerId,
        List<OrderLine> items,
        BigDecimal total,
        OrderStatus status,
        String reason,
        long version,
        List<StepRecord> steps,
        Set<String> doneSteps,
        Set<String> compensatedSteps,
        String lastEventId,
        String requestHash,
        Instant createdAt,
        String sagaId,
        String paymentToken,
        Instant updatedAt,
        boolean reconcileDue,
        String traceparent) implements SagaRecord {

    /** An order no trace context came with. */
    public Order(String orderId, String customerId, List<OrderLine> items, BigDecimal total, OrderStatus status,
            String reason, long version, List<StepRecord> steps, Set<String> doneSteps, Set<String> compensatedSteps,
            String lastEventId, String requestHash, Instant createdAt, String sagaId, String paymentToken,
            Instant updatedAt, boolean reconcileDue) {
        this(orderId, customerId, items, total, status, reason, version, steps, doneSteps, compensatedSteps,
                lastEventId, requestHash, createdAt, sagaId, paymentToken, updatedAt, reconcileDue, null);
    }

    /** A new order, PENDING, its creation the one step done; its total is the sum of its lines. */
    public static Order placed(String orderId, String customerId, List<OrderLine> items, String paymentToken,
            String requestHash, Instant at) {
        BigDecimal total = items.stream().map(OrderLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Order(orderId, customerId, List.copyOf(items), total, OrderStatus.PENDING, null, 1,
                List.of(new StepRecord(SagaStep.ORDER_CREATE.id(), "DONE", at)), Set.of(SagaStep.ORDER_CREATE.id()),
                Set.of(), null, requestHash, at, null, paymentToken, at, false);
    }

    /** The same order carrying this trace context (null: none). */
    public Order withTraceparent(String traceparent) {
        return new Order(orderId, customerId, items, total, status, reason, version, steps, doneSteps,
                compensatedSteps, lastEventId, requestHash, createdAt, sagaId, paymentToken, updatedAt, reconcileDue,
                traceparent);
    }

    @Override
    public String id() {
        return orderId;
    }
}
