package routes.order;

import java.time.Duration;
import java.time.Instant;

/** The order context's rules for its saga steps, as pure functions of the order row. */
public final class OrderDecisions {

    /** Reason of a cancellation that no failed step explained: the saga ran out of time. */
    public static final String TIMEOUT = "TIMEOUT";

    private OrderDecisions() {}

    public static StepDecision confirm(Order order) {
        if (order.status() == OrderStatus.CONFIRMED) {
            return StepDecision.alreadyApplied("already confirmed");
        }
        if (order.status() == OrderStatus.CANCELLED || !order.compensatedSteps().isEmpty()) {
            return StepDecision.refuse(new StepSupersededException(order.orderId(), SagaStep.ORDER_CONFIRM,
                    "the saga is compensating"));
        }
        if (!order.done(SagaStep.INVENTORY_RESERVE) || !order.done(SagaStep.PAYMENT_CAPTURE)) {
            return StepDecision.refuse(new IllegalStateException("Order " + order.orderId()
                    + " cannot be confirmed before stock is reserved and payment captured"));
        }
        return StepDecision.apply(OrderChange.done(SagaStep.ORDER_CONFIRM, "order.confirmed",
                        OrderEvents.confirmed(order))
                .withStatus(OrderStatus.CONFIRMED, null));
    }

    public static StepDecision cancel(Order order) {
        if (order.status() == OrderStatus.CONFIRMED) {
            // The saga completed its last step before the compensation came: the confirmed order stands.
            return StepDecision.alreadyApplied("already confirmed");
        }
        if (order.status() == OrderStatus.CANCELLED) {
            return StepDecision.alreadyApplied("already cancelled");
        }
        if (order.done(SagaStep.INVENTORY_RESERVE) && !order.compensated(SagaStep.INVENTORY_RELEASE)) {
            return StepDecision.refuse(new CompensationPendingException(order.orderId(), SagaStep.INVENTORY_RELEASE));
        }
        boolean refundClaimed = order.compensated(SagaStep.PAYMENT_REFUND);
        if ((order.done(SagaStep.PAYMENT_CAPTURE) || refundClaimed) && !order.hasHistory(SagaStep.PAYMENT_REFUND, "COMPENSATED")) {
            return StepDecision.refuse(new CompensationPendingException(order.orderId(), SagaStep.PAYMENT_REFUND));
        }
        String reason = order.reason() != null ? order.reason() : TIMEOUT;
        // A saga that got as far as the payment may have a capture in flight that answers after this.
        return StepDecision.apply(OrderChange.compensated(SagaStep.ORDER_CANCEL, "order.cancelled",
                        OrderEvents.cancelled(order, reason))
                .withStatus(OrderStatus.CANCELLED, reason)
                .withReconcile(order.done(SagaStep.INVENTORY_RESERVE)));
    }

    /** A new saga takes over an order whose saga was lost; from now on only its compensations act. */
    public static StepDecision adopt(Order order, String sagaId) {
        if (sagaId.equals(order.sagaId())) {
            return StepDecision.alreadyApplied("already owned by this saga");
        }
        if (order.status() != OrderStatus.PENDING) {
            return StepDecision.refuse(new StepSupersededException(order.orderId(), SagaStep.ORDER_CREATE,
                    "the order is " + order.status()));
        }
        return StepDecision.apply(OrderChange.noted(SagaStep.ORDER_CREATE, "RESUMED", null, null).withOwner(sagaId));
    }

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

    /** Writes down why the saga is about to compensate, unless a reason or a final state is there already. */
    public static StepDecision recordFailure(Order order, String reason, String eventType, String eventData) {
        if (order.status().terminal() || order.reason() != null) {
            return StepDecision.alreadyApplied("reason already known");
        }
        return StepDecision.apply(OrderChange.noted(SagaStep.FAILURE, "FAILED", eventType, eventData)
                .withStatus(null, reason));
    }
}
