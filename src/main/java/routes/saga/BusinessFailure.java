package routes.saga;

/**
 * A step failed for a business reason (no stock, payment declined): never retried, the saga
 * compensates at once and the saga ends with {@link #reason()}.
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
