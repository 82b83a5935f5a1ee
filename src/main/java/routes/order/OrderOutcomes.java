package routes.order;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.springframework.stereotype.Component;

/**
 * Lets an HTTP request that asked to wait ({@code Prefer: wait=N}) learn the moment its order's
 * saga reaches a final state in this instance, instead of polling the order row: when an exchange
 * whose step settled the order ({@link #SETTLED}) completes.
 */
@Component
public class OrderOutcomes extends EventNotifierSupport {

    /** Exchange property: the id of the order a step brought to its final state. */
    public static final String SETTLED = "orderSettled";

    private final Map<String, CompletableFuture<Void>> waiting = new ConcurrentHashMap<>();

    public CompletableFuture<Void> watch(String orderId) {
        return waiting.computeIfAbsent(orderId, id -> new CompletableFuture<>());
    }

    public void forget(String orderId, CompletableFuture<Void> watch) {
        waiting.remove(orderId, watch);
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof CamelEvent.ExchangeCompletedEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        String orderId = ((CamelEvent.ExchangeCompletedEvent) event).getExchange().getProperty(SETTLED, String.class);
        if (orderId != null) {
            CompletableFuture<Void> watch = waiting.remove(orderId);
            if (watch != null) {
                watch.complete(null);
            }
        }
    }
}
