package routes.payment;

import java.util.function.Function;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;
import routes.ordersaga.Order;
import routes.ordersaga.OrderLog;
import routes.ordersaga.OrderStatus;
import routes.ordersaga.SagaHeaders;
import routes.saga.StepDecision;

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

    /** Refunds the order for the saga that owns it (a null saga id: recovery, for whichever saga did). */
    public void refund(@Header(SagaHeaders.ORDER_ID) String orderId, @Header(Exchange.SAGA_LONG_RUNNING_ACTION) String sagaId) {
        Order claimed = orders.compensate(orderId, sagaId, PaymentDecisions::claimRefund).record();
        if (!claimed.ownedBy(sagaId) || claimed.status() == OrderStatus.CONFIRMED) {
            return;
        }
        // Always ask the provider: it may have captured just before a crash we have no record of.
        refundAndRecord(orderId, ledger -> order -> PaymentDecisions.recordRefund(order, ledger,
                store.record(orderId, ledger, "REFUNDED")));
    }

    /** The money of a capture that answered after the saga compensated goes back; the intent is recorded first. */
    public void refundLateCapture(String orderId) {
        orders.apply(orderId, PaymentDecisions::recordLateCapture);
        refundAndRecord(orderId, ledger -> order -> PaymentDecisions.recordLateCaptureRefund(order, ledger,
                store.record(orderId, ledger, "REFUNDED")));
    }

    /** Refunds a late capture again if an earlier try recorded the intent but did not get the money back. */
    public void retryLateCaptureRefund(String orderId) {
        if (orders.find(orderId).filter(PaymentDecisions::lateCaptureUnrefunded).isPresent()) {
            refundLateCapture(orderId);
        }
    }

    /** Checks a cancelled order with the provider: refunds whatever it still holds, then clears the check. */
    public void reconcile(@Header(SagaHeaders.ORDER_ID) String orderId) {
        if (orders.find(orderId).filter(Order::reconcileDue).isEmpty()) {
            return;
        }
        long recorded = store.recordedVersion(orderId);
        refundAndRecord(orderId, ledger -> order -> PaymentDecisions.recordReconciled(order, ledger,
                ledger.version() > recorded, store.record(orderId, ledger, "REFUNDED")));
    }

    private void refundAndRecord(String orderId, Function<ProviderLedger, Function<Order, StepDecision>> record) {
        for (int attempt = 1; ; attempt++) {
            ProviderLedger ledger = provider.refundAll(orderId);
            try {
                orders.apply(orderId, record.apply(ledger));
                return;
            } catch (PaymentDecisions.StaleLedgerException stale) {
                // Another refund recorded a newer ledger meanwhile: ask the provider again.
                if (attempt == MAX_ATTEMPTS) {
                    throw stale;
                }
            }
        }
    }
}
