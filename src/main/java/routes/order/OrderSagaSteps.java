package routes.order;

import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import routes.ordersaga.Order;
import routes.ordersaga.OrderLog;
import routes.ordersaga.OrderSagaRoute;
import routes.ordersaga.SagaHeaders;
import routes.ordersaga.SagaMetrics;
import routes.outbox.TraceContext;
import routes.saga.SagaLog;
import routes.saga.StepDecision;

/**
 * The order participant of the saga: creates, confirms and cancels the order. A step that brings
 * the order to its end says so on the exchange ({@link OrderOutcomes#SETTLED}) for waiting requests.
 */
@Component
public class OrderSagaSteps {

    private static final Logger log = LoggerFactory.getLogger(OrderSagaSteps.class);

    private final OrderLog orders;
    private final SagaMetrics metrics;

    public OrderSagaSteps(OrderLog orders, SagaMetrics metrics) {
        this.orders = orders;
        this.metrics = metrics;
    }

    public void create(@Body Order order, Exchange exchange) {
        String sagaId = exchange.getMessage().getHeader(Exchange.SAGA_LONG_RUNNING_ACTION, String.class);
        // A request without trace context, while tracing is on: the saga's own span begins the trace.
        Order traced = order.traceparent() != null ? order : order.withTraceparent(TraceContext.ofCurrentSpan());
        boolean created = orders.create(traced, OrderEvents.CREATED, OrderEvents.created(traced), sagaId);
        if (created) {
            log.info("Order {}: placed by customer {} ({} line(s), total {})", traced.orderId(), traced.customerId(),
                    traced.items().size(), traced.total());
        }
        exchange.setProperty(OrderSagaRoute.ORDER_CREATED, created);
    }

    /**
     * Resumes a lost saga: the current saga takes the order over, and the payment token the request
     * carried comes back from the row for the payment step.
     */
    public void adopt(@Header(SagaHeaders.ORDER_ID) String orderId, Exchange exchange) {
        String sagaId = exchange.getMessage().getHeader(Exchange.SAGA_LONG_RUNNING_ACTION, String.class);
        SagaLog.StepOutcome<Order> adopted = orders.apply(orderId, order -> OrderDecisions.adopt(order, sagaId));
        exchange.getMessage().setHeader(SagaHeaders.PAYMENT_TOKEN, adopted.record().paymentToken());
    }

    public void confirm(@Header(SagaHeaders.ORDER_ID) String orderId, Exchange exchange) {
        SagaLog.StepOutcome<Order> outcome = orders.apply(orderId, OrderDecisions::confirm);
        if (outcome.applied()) {
            // Only the write that confirmed counts: a replayed step finds it already confirmed.
            metrics.completed(outcome.record().createdAt());
        }
        exchange.setProperty(OrderOutcomes.SETTLED, orderId);
    }

    /** Cancels the order for the saga that owns it; refused while a step it did is not undone. */
    public void cancel(@Header(SagaHeaders.ORDER_ID) String orderId,
            @Header(Exchange.SAGA_LONG_RUNNING_ACTION) String sagaId, Exchange exchange) {
        if (orders.find(orderId).isEmpty()) {
            // The creation itself failed: there is nothing to cancel.
            log.warn("Order {}: cancel found no order", orderId);
            return;
        }
        SagaLog.StepOutcome<Order> outcome = orders.compensate(orderId, sagaId, OrderDecisions::cancel);
        if (outcome.applied() && outcome.decision() instanceof StepDecision.Apply cancelled) {
            metrics.compensated(cancelled.change().reason(), outcome.record().createdAt());
        }
        if (outcome.applied() || outcome.record().status().terminal()) {
            // Not for another saga's no-op: the owner's request may still be waiting for the real end.
            exchange.setProperty(OrderOutcomes.SETTLED, orderId);
        }
    }
}
