package routes.payment;

import java.util.Optional;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import routes.order.Order;
import routes.order.OrderLog;
import routes.order.SagaHeaders;
import routes.order.StepDecision;
import routes.order.StepSupersededException;
import routes.order.UnknownOrderException;

/** The payment participant of the saga: captures the order's total from the provider. */
@Component
public class PaymentCapture {

    private static final Logger log = LoggerFactory.getLogger(PaymentCapture.class);

    private final OrderLog orders;
    private final PaymentProvider provider;
    private final PaymentStore store;

    public PaymentCapture(OrderLog orders, PaymentProvider provider, PaymentStore store) {
        this.orders = orders;
        this.provider = provider;
        this.store = store;
    }

    public void capture(@Header(SagaHeaders.ORDER_ID) String orderId, @Header(SagaHeaders.PAYMENT_TOKEN) String token) {
        Order order = orders.find(orderId).orElseThrow(() -> new UnknownOrderException(orderId));
        Optional<StepDecision> notNeeded = PaymentDecisions.captureNotNeeded(order);
        if (notNeeded.isPresent()) {
            if (notNeeded.get() instanceof StepDecision.Refuse refused) {
                throw refused.failure();
            }
            return;
        }
        ProviderLedger ledger;
        try {
            ledger = provider.capture(orderId, order.total(), token);
        } catch (PaymentDeclinedException declined) {
            orders.apply(orderId, PaymentDecisions::recordDecline);
            throw declined;
        }
        try {
            ProviderLedger captured = ledger;
            orders.apply(orderId, current -> PaymentDecisions.recordCapture(current, captured,
                    store.record(orderId, captured, "CAPTURED")));
        } catch (StepSupersededException late) {
            // The provider answered after the saga compensated: the money must not stay captured.
            ProviderLedger refunded = provider.refundAll(orderId);
            orders.apply(orderId, current -> PaymentDecisions.recordLateCaptureRefund(current, refunded,
                    store.record(orderId, refunded, "REFUNDED")));
            log.warn("Order {}: the capture answered after the saga compensated; refunded {}", orderId,
                    refunded.refunded());
            throw late;
        }
    }
}
