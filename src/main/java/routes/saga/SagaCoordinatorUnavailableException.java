package routes.saga;

/**
 * The saga coordinator did not answer. A saga that was to begin did not (the API answers 503); a step
 * that was to join it is retried like any transient failure.
 */
public class SagaCoordinatorUnavailableException extends TransientFailure {

    public SagaCoordinatorUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
