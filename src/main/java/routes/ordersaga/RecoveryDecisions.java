package routes.ordersaga;

import java.time.Duration;
import java.time.Instant;

/** What recovery does with an order whose saga was lost, as a pure function of the order row. */
public final class RecoveryDecisions {

    private RecoveryDecisions() {}

    /**
     * Roll forward while the order can still complete: nothing failed, nothing was undone, and it is
     * younger than the deadline. Otherwise compensate.
     */
    public static RecoveryAction recover(Order order, Instant now, Duration resumeDeadline) {
        if (order.status().terminal()) {
            return RecoveryAction.NONE;
        }
        boolean failedOrUndoing = order.reason() != null || !order.compensatedSteps().isEmpty();
        boolean pastDeadline = !order.createdAt().plus(resumeDeadline).isAfter(now);
        // An order written without its payment token (by tools, before the token was kept) cannot be paid.
        boolean cannotPay = order.paymentToken() == null && !order.done(SagaStep.PAYMENT_CAPTURE);
        return failedOrUndoing || pastDeadline || cannotPay ? RecoveryAction.COMPENSATE : RecoveryAction.RESUME;
    }
}
