package routes.api;

import java.util.concurrent.RejectedExecutionException;
import org.apache.camel.CamelContext;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Tells a failure that only means "Camel cannot take work right now" (its context starting or
 * stopping, a full thread pool) from a defect, so that the API answers 503 and the client retries.
 */
@Component
public class CamelNotRunning {

    private final CamelContext camel;

    public CamelNotRunning(@Lazy CamelContext camel) {
        this.camel = camel;
    }

    public boolean explains(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            // How Camel's producer refuses an exchange while its context is stopped ("CamelContext is stopped").
            if (t instanceof RejectedExecutionException) {
                return true;
            }
        }
        // Any other failure while the context is not started comes from it: not started, no consumer, stopping.
        return !camel.isStarted();
    }
}
