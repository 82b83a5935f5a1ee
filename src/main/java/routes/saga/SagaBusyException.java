package routes.saga;

import java.time.Duration;

/** No new saga could begin in time: as many sagas as the service admits are running. */
public class SagaBusyException extends RuntimeException {

    private final Duration retryAfter;

    public SagaBusyException(int running, Duration waited, Duration retryAfter) {
        super("Too many sagas running (" + running + "); none finished within " + waited.toMillis() + " ms");
        this.retryAfter = retryAfter;
    }

    /** When the caller may try again. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
