package routes.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The order row: the order itself and the log of its saga. {@code doneSteps} and
 * {@code compensatedSteps} say which steps and compensations have committed; every transition is
 * guarded by {@code version}, so two writers never both apply against the same state.
 *
 * @param requestHash hash of the request that placed it, to tell a retry from a conflicting request
 * @param lastEventId id of the newest event written for the order: the causation id of the next
 * @param sagaId      the saga that owns the order: only its compensations act on it
 * @param paymentToken what the payment step charges, kept so that a lost saga can be resumed
 * @param updatedAt   when a step last wrote the row: a PENDING order quiet for long has lost its saga
 * @param reconcileDue a cancelled order that reached the payment step, not yet checked with the provider
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
        boolean reconcileDue) {

    /** An order as placed, before any saga owns it. */
    public Order(String orderId, String customerId, List<OrderLine> items, BigDecimal total, OrderStatus status,
            String reason, long version, List<StepRecord> steps, Set<String> doneSteps, Set<String> compensatedSteps,
            String lastEventId, String requestHash, Instant createdAt) {
        this(orderId, customerId, items, total, status, reason, version, steps, doneSteps, compensatedSteps,
                lastEventId, requestHash, createdAt, null, null, createdAt, false);
    }

    public Order withPaymentToken(String token) {
        return new Order(orderId, customerId, items, total, status, reason, version, steps, doneSteps, compensatedSteps,
                lastEventId, requestHash, createdAt, sagaId, token, updatedAt, reconcileDue);
    }

    /** Whether the saga {@code sagaId} may compensate this order: it owns it, or nobody does. */
    public boolean ownedBy(String sagaId) {
        return sagaId == null || this.sagaId == null || this.sagaId.equals(sagaId);
    }

    public boolean done(SagaStep step) {
        return doneSteps.contains(step.id());
    }

    public boolean compensated(SagaStep step) {
        return compensatedSteps.contains(step.id());
    }

    /** Whether the step history holds this step with this status. */
    public boolean hasHistory(SagaStep step, String status) {
        return steps.stream().anyMatch(s -> s.step().equals(step.id()) && s.status().equals(status));
    }
}
