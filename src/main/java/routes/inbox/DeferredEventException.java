package routes.inbox;

/**
 * A message that cannot be processed yet (its cause has not been applied, or another delivery holds
 * its claim): it is not acknowledged and comes back after a backoff, until its budget runs out.
 */
public class DeferredEventException extends RuntimeException {
    public DeferredEventException(String reason) {
        super(reason);
    }
}
