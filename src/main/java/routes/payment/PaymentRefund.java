package routes.payment;

import org.apache.camel.Header;
import org.springframework.stereotype.Component;
import routes.order.OrderLog;
import routes.order.OrderStatus;
import routes.order.SagaHeaders;

/**
 * The payment compensation: claims the refund on the order row first (so a late capture or the
 * confirmation can no longer apply), then refunds through the provider, then records the amounts.
 * Every part is idempotent, so the saga coordinator or the recovery route may run it again.
 */
@Component
public class PaymentRefund {

    private static final int MAX_ATTEMPTS = 5;

    private final OrderLog orders;
    private final PaymentProvider provider;
    private final PaymentStore store;

    public PaymentRefund(OrderLog orders, PaymentProvider provider, PaymentStore store) {
        this.orders = orders;
        this.provider = provider;
        this.store = store;
    }

    public void refund(@Header(SagaHeaders.ORDER_ID) String orderId) {
        OrderLog.StepOutcome claim = orders.apply(orderId, PaymentDecisions::claimRefund);
        if (claim.order().status() == OrderStatus.CONFIRMED) {
            return;
        }
        for (int attempt = 1; ; attempt++) {
            // Always ask the provider: it may have captured just before a crash we have no record of.
            ProviderLedger ledger = provider.refundAll(orderId);
            try {
                orders.apply(orderId, order -> PaymentDecisions.recordRefund(order, ledger,
                        store.record(orderId, ledger, "REFUNDED")));
                return;
            } catch (PaymentDecisions.StaleLedgerException stale) {
                if (attempt == MAX_ATTEMPTS) {
                    throw stale;
                }
            }
        }
    }
}
