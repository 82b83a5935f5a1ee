package routes.order;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Orders", description = "Place an order and follow its saga")
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
    @Operation(summary = "Place an order", description = "Prices the lines from the catalog and starts the order's "
            + "saga. The payment token picks what the simulated provider does: tok_ok captures, tok_declined declines "
            + "(CANCELLED, PAYMENT_DECLINED), tok_flaky fails twice then captures, tok_timeout answers after the saga "
            + "timeout (CANCELLED, TIMEOUT). More than the stock: CANCELLED, OUT_OF_STOCK. Bad input starts nothing.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
            schema = @Schema(implementation = OrderRequest.class), examples = {
                @ExampleObject(name = "tok_ok", summary = "Captures: CONFIRMED", value = OrderRequestExamples.TOK_OK),
                @ExampleObject(name = "tok_declined", summary = "Declined: CANCELLED, PAYMENT_DECLINED",
                        value = OrderRequestExamples.TOK_DECLINED),
                @ExampleObject(name = "tok_flaky", summary = "Fails twice, retried: CONFIRMED",
                        value = OrderRequestExamples.TOK_FLAKY),
                @ExampleObject(name = "tok_timeout", summary = "Answers after 35 s: CANCELLED, TIMEOUT",
                        value = OrderRequestExamples.TOK_TIMEOUT),
                @ExampleObject(name = "out-of-stock", summary = "More than the stock: CANCELLED, OUT_OF_STOCK",
                        value = OrderRequestExamples.OUT_OF_STOCK),
                @ExampleObject(name = "with-order-id", summary = "Own order id: sent again, 200 with the same order",
                        value = OrderRequestExamples.WITH_ORDER_ID)}))
    @ApiResponse(responseCode = "202", description = "Taken: the saga runs in the background (or did not end "
            + "within Prefer: wait). Poll Location", headers = @Header(name = "Location", description = "The order",
            schema = @Schema(type = "string", example = "/api/orders/o-1")),
            content = @Content(schema = @Schema(implementation = OrderView.Accepted.class)))
    @ApiResponse(responseCode = "200", description = "The order once final (with Prefer: wait), or the order this "
            + "same request created before (no second saga)", headers = @Header(name = "Location",
            description = "The order", schema = @Schema(type = "string", example = "/api/orders/o-1")),
            content = @Content(schema = @Schema(implementation = OrderView.class)))
    @ApiResponse(responseCode = "400", description = "Malformed JSON, a missing or wrong-typed field, an unknown "
            + "SKU: field names it. Nothing is written")
    @ApiResponse(responseCode = "409", description = "This order id exists with a different request")
    ResponseEntity<?> place(@Valid @RequestBody OrderRequest request,
            @Parameter(description = "wait=N (RFC 7240): wait up to N seconds (at most 30) for the final state, "
                    + "answered 200; without it, or unreadable, 202 at once",
                    schema = @Schema(type = "string", example = "wait=10"))
            @RequestHeader(name = "Prefer", required = false) String prefer,
            @Parameter(description = "W3C trace context: the saga's spans join this trace",
                    schema = @Schema(type = "string", example = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"))
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
    @Operation(summary = "An order with its saga's steps")
    @ApiResponse(responseCode = "200", description = "The order")
    @ApiResponse(responseCode = "404", description = "No such order (also for an id of another shape)")
    OrderView get(@Parameter(schema = @Schema(pattern = Identifiers.PATTERN), example = "o-1")
            @PathVariable String orderId) {
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
