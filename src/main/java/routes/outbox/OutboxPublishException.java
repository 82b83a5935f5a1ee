package routes.outbox;

/** SNS refused some entries of a batch; the events stay pending and are published again. */
public class OutboxPublishException extends RuntimeException {
    public OutboxPublishException(String message) {
        super(message);
    }
}
