package routes.order;

import jakarta.validation.Valid;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import routes.api.Identifiers;
import routes.api.NotFoundException;
import routes.logging.LogContext;
import routes.ordersaga.Order;
import routes.ordersaga.OrderLog;

/**
 * {@code POST /api/orders} places an order and answers 202 while its saga runs; with
 * {@code Prefer: wait=N} it waits up to N seconds (at most 30) for the final state and answers 200.
 * The same request again (same order id, same body) answers 200 with the order it created.
 * {@code GET /api/orders/{id}} shows an order with its saga's steps.
 */
@RestController
@RequestMapping("/api/orders")
class OrderController {

    private static final Pattern PREFER_WAIT = Pattern.compile("(?:^|[,;\\s])wait\\s*=\\s*(\\d{1,9})");
    private static final Duration MAX_WAIT = Duration.ofSeconds(30);

    private final OrderPlacement placement;
    private final OrderLog orders;
    private final OrderOutcomes outcomes;

    OrderController(OrderPlacement placement, OrderLog orders, OrderOutcomes outcomes) {
        this.placement = placement;
        this.orders = orders;
        this.outcomes = outcomes;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> place(@Valid @RequestBody OrderRequest request,
            @RequestHeader(name = "Prefer", required = false) String prefer,
            @RequestHeader(name = "traceparent", required = false) String traceparent) {
        String orderId = request.orderId() != null ? request.orderId() : OrderPlacement.newOrderId();
        Duration wait = requestedWait(prefer);
        long waitUntil = System.nanoTime() + wait.toNanos();
        // Watch before the saga starts, so that a fast saga cannot finish unseen.
        CompletableFuture<Void> settled = wait.isZero() ? null : outcomes.watch(orderId);
        try (LogContext.Scope inLog = LogContext.order(orderId)) {
            // A caller that waits N seconds hears back within N, even when it finds no place for its saga.
            OrderPlacement.Placement placed = placement.place(orderId, request, wait.isZero() ? null : wait,
                    traceparent);
            Order order = placed.order();
            URI location = URI.create("/api/orders/" + orderId);
            if (!placed.created()) {
                // The same request again: the order it created, and no second saga.
                return ResponseEntity.ok().location(location).body(OrderView.of(order));
            }
            if (settled != null) {
                // The wait counts from the request's arrival, so placing the order eats into it.
                awaitQuietly(settled, Duration.ofNanos(Math.max(0, waitUntil - System.nanoTime())));
                order = orders.find(orderId).orElse(order);
                if (order.status().terminal()) {
                    return ResponseEntity.ok().location(location).body(OrderView.of(order));
                }
            }
            return ResponseEntity.status(HttpStatus.ACCEPTED).location(location)
                    .body(new OrderView.Accepted(orderId, order.status()));
        } finally {
            if (settled != null) {
                outcomes.forget(orderId, settled);
            }
        }
    }

    @GetMapping("/{orderId}")
    OrderView get(@PathVariable String orderId) {
        if (!Identifiers.wellFormed(orderId)) {
            throw new NotFoundException("Order " + orderId + " does not exist");
        }
        return orders.find(orderId).map(OrderView::of)
                .orElseThrow(() -> new NotFoundException("Order " + orderId + " does not exist"));
    }

    /** {@code Prefer: wait=N} (RFC 7240), capped at 30 seconds; zero when absent or unreadable. */
    static Duration requestedWait(String prefer) {
        if (prefer == null) {
            return Duration.ZERO;
        }
        Matcher matcher = PREFER_WAIT.matcher(prefer.toLowerCase());
        if (!matcher.find()) {
            return Duration.ZERO;
        }
        Duration wait = Duration.ofSeconds(Long.parseLong(matcher.group(1)));
        return wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
    }

    private static void awaitQuietly(CompletableFuture<Void> settled, Duration wait) {
        try {
            settled.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // Not final yet: the caller gets 202 and polls the order.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
