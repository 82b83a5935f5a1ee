package routes.order;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Lets an HTTP request that asked to wait ({@code Prefer: wait=N}) learn the moment its order's
 * saga reaches a final state in this instance, instead of polling the order row.
 */
@Component
public class OrderOutcomes {

    private final Map<String, CompletableFuture<Void>> waiting = new ConcurrentHashMap<>();

    public CompletableFuture<Void> watch(String orderId) {
        return waiting.computeIfAbsent(orderId, id -> new CompletableFuture<>());
    }

    public void forget(String orderId, CompletableFuture<Void> watch) {
        waiting.remove(orderId, watch);
    }

    void settled(String orderId) {
        CompletableFuture<Void> watch = waiting.remove(orderId);
        if (watch != null) {
            watch.complete(null);
        }
    }
}
