package routes.payment;

import static routes.outbox.EventData.json;

import java.math.BigDecimal;
import java.util.List;
import routes.ordersaga.Order;
import routes.ordersaga.OrderStatus;
import routes.ordersaga.SagaStep;
import routes.saga.SagaChange;
import routes.saga.SagaDecisions;
import routes.saga.StepDecision;
import routes.saga.StepSupersededException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** The payment context's rules for capturing and refunding an order's payment. */
final class PaymentDecisions {

    static final String REFUND_STARTED = "STARTED";
    static final String LATE_CAPTURE = "LATE_CAPTURE";
    static final String LATE_CAPTURE_REFUNDED = "LATE_CAPTURE_REFUNDED";
    static final String RECONCILED = "RECONCILED";

    record PaymentMoved(String orderId, String customerId, BigDecimal amount) {}

    private PaymentDecisions() {}

    /** Before the provider is asked: capture only while the order waits for its payment. */
    static StepDecision beforeCapture(Order order) {
        if (order.done(SagaStep.PAYMENT_CAPTURE)) {
            return StepDecision.alreadyApplied("payment already captured");
        }
        if (order.compensated(SagaStep.PAYMENT_REFUND) || order.status() != OrderStatus.PENDING) {
            return StepDecision.refuse(new StepSupersededException(order.orderId(),
                    SagaStep.PAYMENT_CAPTURE, "the refund already ran"));
        }
        return StepDecision.proceed();
    }

    /** After the provider captured: record it, unless the refund got there first (then the money goes back). */
    static StepDecision recordCapture(Order order, ProviderLedger ledger, TransactWriteItem paymentRow) {
        StepDecision before = beforeCapture(order);
        if (!(before instanceof StepDecision.Proceed)) {
            return before;
        }
        return StepDecision.apply(SagaChange.done(SagaStep.PAYMENT_CAPTURE, PaymentEvents.CAPTURED,
                        json(new PaymentMoved(order.orderId(), order.customerId(), ledger.captured())))
                .withOtherItems(List.of(paymentRow), () -> new IllegalStateException(
                        "Order " + order.orderId() + ": a newer payment ledger is recorded than the capture")));
    }

    static StepDecision recordDecline(Order order) {
        return SagaDecisions.recordFailure(order, SagaStep.FAILURE, PaymentDeclinedException.REASON, PaymentEvents.DECLINED,
                json(new PaymentMoved(order.orderId(), order.customerId(), order.total())));
    }

    /** First half of the refund: mark the order so neither a late capture nor the confirmation can apply. */
    static StepDecision claimRefund(Order order) {
        if (order.status() == OrderStatus.CONFIRMED) {
            return StepDecision.alreadyApplied("order confirmed: its payment stays captured");
        }
        if (order.compensated(SagaStep.PAYMENT_REFUND)) {
            return StepDecision.alreadyApplied("refund already claimed");
        }
        return StepDecision.apply(SagaChange.compensated(SagaStep.PAYMENT_REFUND, null, null).withHistory(REFUND_STARTED));
    }

    /** Second half: record what the provider refunded, with the payment.refunded event. */
    static StepDecision recordRefund(Order order, ProviderLedger ledger, TransactWriteItem paymentRow) {
        if (order.hasHistory(SagaStep.PAYMENT_REFUND, "COMPENSATED")) {
            return StepDecision.alreadyApplied("refund already recorded");
        }
        return StepDecision.apply(SagaChange.noted(SagaStep.PAYMENT_REFUND, "COMPENSATED", PaymentEvents.REFUNDED,
                        json(new PaymentMoved(order.orderId(), order.customerId(), ledger.refunded())))
                .withOtherItems(List.of(paymentRow), StaleLedgerException::new));
    }

    /**
     * A capture that answered after its refund: before the money goes back, the row records that it
     * must, so that the recovery route refunds it if this instance does not get to.
     */
    static StepDecision recordLateCapture(Order order) {
        if (order.hasHistory(SagaStep.PAYMENT_CAPTURE, LATE_CAPTURE)) {
            return StepDecision.alreadyApplied("late capture already recorded");
        }
        return StepDecision.apply(SagaChange.noted(SagaStep.PAYMENT_CAPTURE, LATE_CAPTURE, null, null).withReconcile(true));
    }

    static boolean lateCaptureUnrefunded(Order order) {
        return order.hasHistory(SagaStep.PAYMENT_CAPTURE, LATE_CAPTURE)
                && !order.hasHistory(SagaStep.PAYMENT_CAPTURE, LATE_CAPTURE_REFUNDED);
    }

    /** The late capture's money went back: record it, and the order no longer needs reconciling. */
    static StepDecision recordLateCaptureRefund(Order order, ProviderLedger ledger, TransactWriteItem paymentRow) {
        if (order.hasHistory(SagaStep.PAYMENT_CAPTURE, LATE_CAPTURE_REFUNDED)) {
            return StepDecision.alreadyApplied("late capture already refunded");
        }
        return StepDecision.apply(SagaChange.noted(SagaStep.PAYMENT_CAPTURE, LATE_CAPTURE_REFUNDED, PaymentEvents.REFUNDED,
                        json(new PaymentMoved(order.orderId(), order.customerId(), ledger.refunded())))
                .withReconcile(false)
                .withOtherItems(List.of(paymentRow), StaleLedgerException::new));
    }

    /**
     * A cancelled order checked with the provider once no capture can be in flight: whatever it still
     * held was refunded. The event is written only when the check moved money.
     */
    static StepDecision recordReconciled(Order order, ProviderLedger ledger, boolean movedMoney, TransactWriteItem paymentRow) {
        if (!order.reconcileDue()) {
            return StepDecision.alreadyApplied("already reconciled");
        }
        return StepDecision.apply(SagaChange.noted(SagaStep.PAYMENT_REFUND, RECONCILED,
                        movedMoney ? PaymentEvents.REFUNDED : null,
                        movedMoney ? json(new PaymentMoved(order.orderId(), order.customerId(), ledger.refunded())) : null)
                .withReconcile(false)
                .withOtherItems(List.of(paymentRow), StaleLedgerException::new));
    }

    /** A newer provider ledger is already recorded: read the provider again and retry. */
    static class StaleLedgerException extends RuntimeException {
        StaleLedgerException() {
            super("A newer payment ledger is already recorded");
        }
    }
}
