package routes.logging;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.MDC;

/**
 * The order id on the log lines of plain Java threads (the HTTP request, the saga service's
 * compensation threads, the relay's publisher), under the MDC key Camel's MDC service fills from the
 * exchange ({@code camel.mdc.*}): one grep for an order id follows it end to end.
 */
public final class LogContext {

    /** The MDC key, and the exchange header/property Camel's MDC service copies into it. */
    public static final String ORDER_ID = "orderId";

    private LogContext() {}

    /** Restores the MDC entries it replaced when closed. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /** The order id in the MDC until the scope closes; a null id changes nothing. */
    public static Scope order(String orderId) {
        return orderId == null ? () -> { } : of(Map.of(ORDER_ID, orderId));
    }

    /** These entries (non-null values, as text) in the MDC until the scope closes. */
    public static Scope of(Map<String, ?> entries) {
        List<Runnable> restore = new ArrayList<>();
        entries.forEach((key, value) -> {
            if (value == null) {
                return;
            }
            String previous = MDC.get(key);
            MDC.put(key, value.toString());
            restore.add(previous == null ? () -> MDC.remove(key) : () -> MDC.put(key, previous));
        });
        return () -> restore.forEach(Runnable::run);
    }
}
