package routes.outbox;

import java.util.List;

/**
 * Some events of a publish did not reach SNS (entries it refused, or every batch from a failed call
 * on); they stay pending. A redelivery publishes only these: the others are marked published already.
 */
public class OutboxPublishException extends RuntimeException {

    private final transient List<OutboxEvent> unpublished;

    public OutboxPublishException(String message, List<OutboxEvent> unpublished, Throwable cause) {
        super(message, cause);
        this.unpublished = List.copyOf(unpublished);
    }

    public List<OutboxEvent> unpublished() {
        return unpublished;
    }
}
