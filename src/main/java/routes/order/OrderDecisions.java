package routes.order;

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
        String reason = order.reason() != null ? order.reason() : TIMEOUT;
        return StepDecision.apply(OrderChange.compensated(SagaStep.ORDER_CANCEL, "order.cancelled",
                        OrderEvents.cancelled(order, reason))
                .withStatus(OrderStatus.CANCELLED, reason));
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
