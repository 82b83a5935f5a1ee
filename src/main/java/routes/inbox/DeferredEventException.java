package routes.inbox;

import java.time.Instant;
import java.util.Optional;

/**
 * A message that cannot be processed yet (another delivery holds its claim, or the view kept
 * changing under it): it is not acknowledged and comes back after a backoff, until its budget runs
 * out. A claim held by another delivery brings it back no earlier than the claim's lease ends.
 */
public class DeferredEventException extends RuntimeException {

    private final transient Instant heldUntil;

    public DeferredEventException(String reason) {
        this(reason, null);
    }

    public DeferredEventException(String reason, Instant heldUntil) {
        super(reason);
        this.heldUntil = heldUntil;
    }

    /** When the claim that holds the message back expires, if a claim does. */
    public Optional<Instant> heldUntil() {
        return Optional.ofNullable(heldUntil);
    }
}
