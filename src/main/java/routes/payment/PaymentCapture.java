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
    private final PaymentRefund refunds;

    public PaymentCapture(OrderLog orders, PaymentProvider provider, PaymentStore store, PaymentRefund refunds) {
        this.orders = orders;
        this.provider = provider;
        this.store = store;
        this.refunds = refunds;
    }

    public void capture(@Header(SagaHeaders.ORDER_ID) String orderId, @Header(SagaHeaders.PAYMENT_TOKEN) String token) {
        Order order = orders.find(orderId).orElseThrow(() -> new UnknownOrderException(orderId));
        Optional<StepDecision> notNeeded = PaymentDecisions.captureNotNeeded(order);
        if (notNeeded.isPresent()) {
            if (notNeeded.get() instanceof StepDecision.Refuse refused) {
                if (PaymentDecisions.lateCaptureUnrefunded(order)) {
                    // A retry of this step after its late refund failed: try the refund again.
                    refunds.refundLateCapture(orderId);
                }
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
            // The provider answered after the saga compensated: the money must not stay captured. If
            // this refund fails, the recovery route's reconciliation of the cancelled order does it.
            log.warn("Order {}: the capture answered after the saga compensated; refunding it", orderId);
            refunds.refundLateCapture(orderId);
            throw late;
        }
    }
}
