package routes.order;

/**
 * A step failed for a business reason (no stock, payment declined): never retried, the saga
 * compensates at once and the order is cancelled with {@link #reason()}.
 */
public abstract class BusinessFailure extends RuntimeException {

    private final String reason;

    protected BusinessFailure(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
