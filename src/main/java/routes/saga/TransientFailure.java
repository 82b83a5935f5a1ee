package routes.saga;

/** A failure that a retry may fix; saga steps redeliver on it with backoff before giving up. */
public class TransientFailure extends RuntimeException {
    public TransientFailure(String message) {
        super(message);
    }

    public TransientFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
