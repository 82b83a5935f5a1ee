package routes.payment;

import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import routes.ordersaga.Order;
import routes.ordersaga.OrderLog;
import routes.ordersaga.SagaHeaders;
import routes.saga.SagaLog;
import routes.saga.StepSupersededException;

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
        Order order;
        try {
            SagaLog.StepOutcome<Order> checked = orders.apply(orderId, PaymentDecisions::beforeCapture);
            if (checked.alreadyApplied()) {
                return;
            }
            order = checked.record();
        } catch (StepSupersededException superseded) {
            // A retry of this step after its late refund failed: try the refund again.
            refunds.retryLateCaptureRefund(orderId);
            throw superseded;
        }
        ProviderLedger ledger;
        try {
            ledger = provider.capture(orderId, order.total(), token);
        } catch (PaymentDeclinedException declined) {
            orders.apply(orderId, PaymentDecisions::recordDecline);
            throw declined;
        }
        try {
            orders.apply(orderId, current -> PaymentDecisions.recordCapture(current, ledger,
                    store.record(orderId, ledger, "CAPTURED")));
        } catch (StepSupersededException late) {
            // The provider answered after the saga compensated: the money must not stay captured. If
            // this refund fails, the recovery route's reconciliation of the cancelled order does it.
            log.warn("Order {}: the capture answered after the saga compensated; refunding it", orderId);
            refunds.refundLateCapture(orderId);
            throw late;
        }
    }
}
