package routes.saga;

/** Transient: the saga's row kept changing under a step; the step's redelivery tries again later. */
public class SagaContentionException extends TransientFailure {
    public SagaContentionException(String id) {
        super("The row of " + id + " kept changing while a saga step tried to write it");
    }
}
