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
        Instant createdAt) {

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
