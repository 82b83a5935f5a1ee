package routes.inbox;

/**
 * A message no retry can fix: not JSON, not a CloudEvent, an unsupported type, data that fails
 * validation. It goes to the dead-letter queue at once, with this reason.
 */
public class InvalidEventException extends RuntimeException {
    public InvalidEventException(String reason) {
        super(reason);
    }
}
