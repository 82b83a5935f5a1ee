package routes.saga;

/** The saga coordinator did not answer: no saga began, nothing was written; the caller may retry. */
public class SagaCoordinatorUnavailableException extends RuntimeException {

    public SagaCoordinatorUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
