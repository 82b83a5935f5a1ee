package routes.order;

import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The order participant of the saga: creates, confirms and cancels the order; records why a saga failed. */
@Component
public class OrderSagaSteps {

    /** Exchange property set by {@link #create}: false when the order id was already taken. */
    public static final String ORDER_CREATED = "orderCreated";
    /** Reason of a saga that failed for no business reason (a step failed after its retries). */
    public static final String TECHNICAL_FAILURE = "TECHNICAL_FAILURE";

    private static final Logger log = LoggerFactory.getLogger(OrderSagaSteps.class);

    private final OrderLog orders;
    private final OrderOutcomes outcomes;

    public OrderSagaSteps(OrderLog orders, OrderOutcomes outcomes) {
        this.orders = orders;
        this.outcomes = outcomes;
    }

    public void create(@Body Order order, Exchange exchange) {
        String sagaId = exchange.getMessage().getHeader(Exchange.SAGA_LONG_RUNNING_ACTION, String.class);
        exchange.setProperty(ORDER_CREATED, orders.create(order, OrderEvents.created(order), sagaId));
    }

    /**
     * Resumes a lost saga: the current saga takes the order over, and the payment token the request
     * carried comes back from the row for the payment step.
     */
    public void adopt(@Header(SagaHeaders.ORDER_ID) String orderId, Exchange exchange) {
        String sagaId = exchange.getMessage().getHeader(Exchange.SAGA_LONG_RUNNING_ACTION, String.class);
        OrderLog.StepOutcome adopted = orders.apply(orderId, order -> OrderDecisions.adopt(order, sagaId));
        exchange.getMessage().setHeader(SagaHeaders.PAYMENT_TOKEN, adopted.order().paymentToken());
    }

    public void confirm(@Header(SagaHeaders.ORDER_ID) String orderId) {
        orders.apply(orderId, OrderDecisions::confirm);
        outcomes.settled(orderId);
    }

    /** Cancels the order for the saga that owns it; refused while a step it did is not undone. */
    public void cancel(@Header(SagaHeaders.ORDER_ID) String orderId,
            @Header(Exchange.SAGA_LONG_RUNNING_ACTION) String sagaId) {
        if (orders.find(orderId).isEmpty()) {
            // The creation itself failed: there is nothing to cancel.
            log.warn("Order {}: cancel found no order", orderId);
            return;
        }
        OrderLog.StepOutcome outcome = orders.compensate(orderId, sagaId, OrderDecisions::cancel);
        if (outcome.applied() || outcome.order().status().terminal()) {
            // Not for another saga's no-op: the owner's request may still be waiting for the real end.
            outcomes.settled(orderId);
        }
    }

    /** Hands the failure a doCatch caught back to the route's caller, after the saga was dealt with. */
    public void rethrow(Exchange exchange) throws Exception {
        throw exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
    }

    /** Best effort: the compensation goes ahead even if the reason cannot be written. */
    public void recordFailure(@Header(SagaHeaders.ORDER_ID) String orderId, Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (failure instanceof StepSupersededException || SagaEnded.isCause(failure)) {
            // The saga moved on without this step (its timeout is compensating): the timeout is the reason.
            return;
        }
        String reason = failure instanceof BusinessFailure business ? business.reason() : TECHNICAL_FAILURE;
        String sagaId = exchange.getMessage().getHeader(Exchange.SAGA_LONG_RUNNING_ACTION, String.class);
        try {
            orders.compensate(orderId, sagaId, order -> OrderDecisions.recordFailure(order, reason, null, null));
        } catch (RuntimeException e) {
            log.warn("Order {}: could not record failure reason {}: {}", orderId, reason, e.toString());
        }
    }
}
