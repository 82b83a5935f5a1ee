package routes.order;

/**
 * A step arrived after its saga moved on (its compensation already ran, or the order is already
 * terminal): it must not apply, and retrying cannot change that.
 */
public class StepSupersededException extends RuntimeException {
    public StepSupersededException(String orderId, SagaStep step, String why) {
        super("Order " + orderId + ": " + step.id() + " no longer applies: " + why);
    }
}
