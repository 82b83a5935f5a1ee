package routes.order;

import routes.ordersaga.SagaStep;

/**
 * The order cannot be cancelled yet: a step it did has not been undone (its compensation failed or
 * has not run). The order stays PENDING, so the recovery route runs the compensations again.
 */
public class CompensationPendingException extends RuntimeException {
    public CompensationPendingException(String orderId, SagaStep undo) {
        super("Order " + orderId + " cannot be cancelled before " + undo.id() + " has run");
    }
}
