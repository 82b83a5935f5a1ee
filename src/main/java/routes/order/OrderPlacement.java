package routes.order;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;
import routes.api.ConflictException;
import routes.api.InvalidFieldException;
import routes.ordersaga.Catalog;
import routes.ordersaga.Order;
import routes.ordersaga.OrderLine;
import routes.ordersaga.OrderLog;
import routes.ordersaga.OrderSagaRoute;
import routes.ordersaga.SagaHeaders;
import routes.outbox.TraceContext;
import routes.saga.InProcessSagaService;
import routes.saga.SagaRecordNotFoundException;

/**
 * Turns a valid order request into an order priced from the catalog and starts its saga, once per
 * order id: the same request again finds the order it created, another request with the same id
 * is a conflict.
 */
@Component
public class OrderPlacement {

    private final Catalog catalog;
    private final OrderLog orders;
    private final ProducerTemplate camel;
    private final Clock clock;

    public OrderPlacement(Catalog catalog, OrderLog orders, ProducerTemplate camel, Clock clock) {
        this.catalog = catalog;
        this.orders = orders;
        this.camel = camel;
        this.clock = clock;
    }

    /** The order a request stands for; {@code created} is false when an earlier try created it. */
    public record Placement(Order order, boolean created) {}

    /**
     * Creates the order and starts its saga, or finds the order an earlier identical request created.
     * When as many sagas run as this instance admits, waits up to {@code admissionWait} for a place.
     * A well-formed {@code traceparent} of the request goes with the saga and the order's events.
     */
    public Placement place(String orderId, OrderRequest request, Duration admissionWait, String traceparent) {
        String trace = TraceContext.valid(traceparent);
        Order order = priced(orderId, request).withTraceparent(trace);
        Exchange result = camel.send(OrderSagaRoute.PLACE_ORDER, exchange -> {
            exchange.getMessage().setBody(order);
            exchange.getMessage().setHeader(InProcessSagaService.ADMISSION_WAIT, admissionWait);
            exchange.getMessage().setHeader(SagaHeaders.ORDER_ID, orderId);
            exchange.getMessage().setHeader(SagaHeaders.PAYMENT_TOKEN, request.paymentToken());
            if (trace != null) {
                // Camel's tracer makes the saga's spans children of the request's.
                exchange.getMessage().setHeader(TraceContext.TRACEPARENT, trace);
            }
        });
        if (result.getException() != null) {
            throw asUnchecked(result.getException());
        }
        if (Boolean.TRUE.equals(result.getProperty(OrderSagaRoute.ORDER_CREATED))) {
            return new Placement(order, true);
        }
        Order existing = orders.find(orderId).orElseThrow(() -> new SagaRecordNotFoundException(orderId));
        if (!existing.requestHash().equals(order.requestHash())) {
            throw new ConflictException("Order " + orderId + " exists with a different request");
        }
        return new Placement(existing, false);
    }

    private Order priced(String orderId, OrderRequest request) {
        Map<String, BigDecimal> prices = catalog.prices(request.items().stream().map(OrderRequest.Line::sku).toList());
        List<OrderLine> lines = new ArrayList<>();
        for (int i = 0; i < request.items().size(); i++) {
            OrderRequest.Line line = request.items().get(i);
            BigDecimal price = prices.get(line.sku());
            if (price == null) {
                throw new InvalidFieldException("items[" + i + "].sku", "unknown SKU '" + line.sku() + "'");
            }
            lines.add(new OrderLine(line.sku(), line.quantity(), price));
        }
        return Order.placed(orderId, request.customerId(), lines, request.paymentToken(), requestHash(request),
                clock.instant());
    }

    public static String newOrderId() {
        return UUID.randomUUID().toString();
    }

    /** Identifies the request's content, so that a retry can be told from a different order under the same id. */
    static String requestHash(OrderRequest request) {
        StringBuilder canonical = new StringBuilder(request.customerId()).append('\n').append(request.paymentToken());
        request.items().forEach(line -> canonical.append('\n').append(line.sku()).append('\t').append(line.quantity()));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The failure as the API maps it: a saga service's asynchronous wrapper taken off. */
    private static RuntimeException asUnchecked(Exception e) {
        Throwable failure = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        return failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
    }
}
