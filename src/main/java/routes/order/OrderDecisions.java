package routes.order;

import java.util.List;
import routes.ordersaga.Order;
import routes.ordersaga.OrderStatus;
import routes.ordersaga.SagaStep;
import routes.saga.SagaChange;
import routes.saga.StepDecision;
import routes.saga.StepSupersededException;

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
        List<String> notDone = SagaStep.steps().stream()
                .filter(step -> step != SagaStep.ORDER_CONFIRM && !order.done(step))
                .map(SagaStep::id).toList();
        if (!notDone.isEmpty()) {
            return StepDecision.refuse(new IllegalStateException("Order " + order.orderId()
                    + " cannot be confirmed before " + String.join(", ", notDone)));
        }
        return StepDecision.apply(SagaChange.done(SagaStep.ORDER_CONFIRM, OrderEvents.CONFIRMED, OrderEvents.confirmed(order))
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
        for (SagaStep step : SagaStep.steps()) {
            SagaStep undo = step.compensation();
            if (undo != null && undo != SagaStep.ORDER_CANCEL && undoPending(order, step, undo)) {
                return StepDecision.refuse(new CompensationPendingException(order.orderId(), undo));
            }
        }
        String reason = order.reason() != null ? order.reason() : TIMEOUT;
        // A saga that got as far as the payment may have a capture in flight that answers after this.
        return StepDecision.apply(SagaChange.compensated(SagaStep.ORDER_CANCEL, OrderEvents.CANCELLED,
                        OrderEvents.cancelled(order, reason))
                .withStatus(OrderStatus.CANCELLED, reason)
                .withReconcile(order.done(SagaStep.INVENTORY_RESERVE)));
    }

    /** The step did something (or its compensation began) that its compensation has not yet recorded undone. */
    private static boolean undoPending(Order order, SagaStep step, SagaStep undo) {
        return (order.done(step) || order.compensated(undo)) && !order.hasHistory(undo, "COMPENSATED");
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
        return StepDecision.apply(SagaChange.noted(SagaStep.ORDER_CREATE, "RESUMED", null, null).withOwner(sagaId));
    }
}
