package routes.ordersaga;

import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import routes.saga.BusinessFailure;
import routes.saga.SagaDecisions;
import routes.saga.SagaEnded;
import routes.saga.StepSupersededException;

/** What the saga routes do with a failed step: write down why the saga compensates, or hand the failure back. */
@Component
public class SagaFailures {

    /** Reason of a saga that failed for no business reason (a step failed after its retries). */
    public static final String TECHNICAL_FAILURE = "TECHNICAL_FAILURE";

    private static final Logger log = LoggerFactory.getLogger(SagaFailures.class);

    private final OrderLog orders;

    public SagaFailures(OrderLog orders) {
        this.orders = orders;
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
            orders.compensate(orderId, sagaId,
                    order -> SagaDecisions.recordFailure(order, SagaStep.FAILURE, reason, null, null));
        } catch (RuntimeException e) {
            log.warn("Order {}: could not record failure reason {}: {}", orderId, reason, e.toString());
        }
    }
}
