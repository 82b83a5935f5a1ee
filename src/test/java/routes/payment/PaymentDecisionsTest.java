package routes.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static routes.ordersaga.SagaStep.INVENTORY_RESERVE;
import static routes.ordersaga.SagaStep.PAYMENT_CAPTURE;
import static routes.ordersaga.SagaStep.PAYMENT_REFUND;
import static routes.support.TestOrders.committed;
import static routes.support.TestOrders.pendingOrder;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import routes.order.OrderDecisions;
import routes.ordersaga.Order;
import routes.ordersaga.OrderLine;
import routes.ordersaga.OrderStatus;
import routes.ordersaga.SagaStep;
import routes.saga.SagaChange;
import routes.saga.SagaChange.StepMark;
import routes.saga.StepDecision;
import routes.saga.StepSupersededException;
import routes.support.ResourceDefaults;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The payment context's step rules: the capture, a decline, and the two-part refund (claim the
 * order, then record what the provider gave back), in any order, any number of times.
 */
class PaymentDecisionsTest {

    private static final OrderLine TWO_OF_SKU_1 = new OrderLine("SKU-1", 2, new BigDecimal("9.99"));
    private static final ProviderLedger CAPTURED = new ProviderLedger(new BigDecimal("19.98"), BigDecimal.ZERO, 1);
    private static final ProviderLedger REFUNDED = new ProviderLedger(new BigDecimal("19.98"), new BigDecimal("19.98"), 2);

    private final PaymentStore store = new PaymentStore(null, ResourceDefaults.names());

    @Test
    void captureIsNeededForAPendingOrderWithoutCaptureOrRefund() {
        assertThat(PaymentDecisions.beforeCapture(pendingOrder("o-1").done(INVENTORY_RESERVE).build())).isInstanceOf(StepDecision.Proceed.class);
    }

    @Test
    void captureRetriedAfterItCommittedIsNotNeeded() {
        Order order = reserved();
        Order captured = committed(order, applied(PaymentDecisions.recordCapture(order, CAPTURED, paymentRow(CAPTURED))));

        assertThat(PaymentDecisions.beforeCapture(captured)).isInstanceOf(StepDecision.AlreadyApplied.class);
        assertThat(PaymentDecisions.recordCapture(captured, CAPTURED, paymentRow(CAPTURED)))
                .isInstanceOf(StepDecision.AlreadyApplied.class);
    }

    @ParameterizedTest
    @EnumSource(value = OrderStatus.class, names = {"CONFIRMED", "CANCELLED"})
    void captureForAFinishedOrderWithoutCaptureIsSuperseded(OrderStatus finished) {
        Order order = pendingOrder("o-1").done(INVENTORY_RESERVE).status(finished).build();

        assertThat(refusal(PaymentDecisions.beforeCapture(order))).isInstanceOf(StepSupersededException.class);
    }

    @Test
    void recordCaptureMarksTheStepWithTheCapturedAmountAndThePaymentRow() {
        TransactWriteItem row = paymentRow(CAPTURED);

        SagaChange change = applied(PaymentDecisions.recordCapture(reserved(), CAPTURED, row));

        assertThat(change.step()).isEqualTo(PAYMENT_CAPTURE);
        assertThat(change.mark()).isEqualTo(StepMark.DONE);
        assertThat(change.newStatus()).isNull();
        assertThat(change.eventType()).isEqualTo("payment.captured");
        assertThat(change.eventData()).isEqualTo("{\"orderId\":\"o-1\",\"customerId\":\"customer-1\",\"amount\":19.98}");
        assertThat(change.otherItems()).containsExactly(row);
        assertThat(change.whenOtherItemsRejected().get()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void declineRecordsTheReasonAndItsEventOnce() {
        Order order = reserved();

        SagaChange change = applied(PaymentDecisions.recordDecline(order));

        assertThat(change.step()).isEqualTo(SagaStep.FAILURE);
        assertThat(change.mark()).isEqualTo(StepMark.NONE);
        assertThat(change.reason()).isEqualTo(PaymentDeclinedException.REASON).isEqualTo("PAYMENT_DECLINED");
        assertThat(change.eventType()).isEqualTo("payment.declined");
        assertThat(change.eventData()).isEqualTo("{\"orderId\":\"o-1\",\"customerId\":\"customer-1\",\"amount\":19.98}");

        Order declined = committed(order, change);
        assertThat(PaymentDecisions.recordDecline(declined)).isInstanceOf(StepDecision.AlreadyApplied.class);
        Order released = committed(declined, SagaChange.compensated(SagaStep.INVENTORY_RELEASE, null, null));
        assertThat(applied(OrderDecisions.cancel(released)).reason()).isEqualTo("PAYMENT_DECLINED");
    }

    @Test
    void claimRefundMarksTheOrderWithoutEventOrPaymentRow() {
        SagaChange claim = applied(PaymentDecisions.claimRefund(captured()));

        assertThat(claim.step()).isEqualTo(PAYMENT_REFUND);
        assertThat(claim.mark()).isEqualTo(StepMark.COMPENSATED);
        assertThat(claim.history()).isEqualTo(PaymentDecisions.REFUND_STARTED);
        assertThat(claim.newStatus()).isNull();
        assertThat(claim.eventType()).isNull();
        assertThat(claim.otherItems()).isEmpty();
    }

    @Test
    void refundRunTwiceClaimsAndRecordsOnce() {
        Order claimed = committed(captured(), applied(PaymentDecisions.claimRefund(captured())));
        assertThat(PaymentDecisions.claimRefund(claimed)).isInstanceOf(StepDecision.AlreadyApplied.class);

        Order refunded = committed(claimed, applied(PaymentDecisions.recordRefund(claimed, REFUNDED, paymentRow(REFUNDED))));
        assertThat(PaymentDecisions.claimRefund(refunded)).isInstanceOf(StepDecision.AlreadyApplied.class);
        assertThat(PaymentDecisions.recordRefund(refunded, REFUNDED, paymentRow(REFUNDED)))
                .isInstanceOf(StepDecision.AlreadyApplied.class);
    }

    @Test
    void recordRefundWritesTheRefundedAmountWithItsEventAndThePaymentRow() {
        Order claimed = committed(captured(), applied(PaymentDecisions.claimRefund(captured())));
        TransactWriteItem row = paymentRow(REFUNDED);

        SagaChange change = applied(PaymentDecisions.recordRefund(claimed, REFUNDED, row));

        assertThat(change.step()).isEqualTo(PAYMENT_REFUND);
        // The claim already marked the step: recording adds only the history entry and the event.
        assertThat(change.mark()).isEqualTo(StepMark.NONE);
        assertThat(change.history()).isEqualTo("COMPENSATED");
        assertThat(change.eventType()).isEqualTo("payment.refunded");
        assertThat(change.eventData()).isEqualTo("{\"orderId\":\"o-1\",\"customerId\":\"customer-1\",\"amount\":19.98}");
        assertThat(change.otherItems()).containsExactly(row);
        assertThat(change.whenOtherItemsRejected().get()).isInstanceOf(PaymentDecisions.StaleLedgerException.class);
    }

    @Test
    void refundOfAConfirmedOrderIsAlreadyApplied() {
        Order confirmed = committed(captured(), applied(OrderDecisions.confirm(captured())));

        assertThat(PaymentDecisions.claimRefund(confirmed)).isInstanceOf(StepDecision.AlreadyApplied.class);
    }

    @Test
    void confirmAfterTheRefundClaimIsSuperseded() {
        Order claimed = committed(captured(), applied(PaymentDecisions.claimRefund(captured())));

        assertThat(OrderDecisions.confirm(claimed)).isInstanceOf(StepDecision.Refuse.class)
                .extracting(decision -> ((StepDecision.Refuse) decision).failure())
                .isInstanceOf(StepSupersededException.class);
    }

    @Test
    void refundBeforeTheCaptureOnlyMarksTheOrderAndTheLateCaptureIsSuperseded() {
        Order order = reserved();

        SagaChange claim = applied(PaymentDecisions.claimRefund(order));
        assertThat(claim.eventType()).isNull();
        assertThat(claim.otherItems()).isEmpty();

        Order claimed = committed(order, claim);
        assertThat(refusal(PaymentDecisions.beforeCapture(claimed))).isInstanceOf(StepSupersededException.class)
                .hasMessageContaining("payment-capture");
        assertThat(PaymentDecisions.recordCapture(claimed, CAPTURED, paymentRow(CAPTURED)))
                .isInstanceOf(StepDecision.Refuse.class)
                .extracting(decision -> ((StepDecision.Refuse) decision).failure())
                .isInstanceOf(StepSupersededException.class);
    }

    @Test
    void lateCaptureRefundIsRecordedOnceWithItsEvent() {
        Order claimed = committed(reserved(), applied(PaymentDecisions.claimRefund(reserved())));
        TransactWriteItem row = paymentRow(REFUNDED);

        SagaChange change = applied(PaymentDecisions.recordLateCaptureRefund(claimed, REFUNDED, row));

        assertThat(change.step()).isEqualTo(PAYMENT_CAPTURE);
        assertThat(change.mark()).isEqualTo(StepMark.NONE);
        assertThat(change.history()).isEqualTo(PaymentDecisions.LATE_CAPTURE_REFUNDED);
        assertThat(change.eventType()).isEqualTo("payment.refunded");
        assertThat(change.eventData()).isEqualTo("{\"orderId\":\"o-1\",\"customerId\":\"customer-1\",\"amount\":19.98}");
        assertThat(change.otherItems()).containsExactly(row);

        Order recorded = committed(claimed, change);
        assertThat(PaymentDecisions.recordLateCaptureRefund(recorded, REFUNDED, row))
                .isInstanceOf(StepDecision.AlreadyApplied.class);
        // The late capture never counts as done: nothing lets the order be confirmed.
        assertThat(recorded.done(PAYMENT_CAPTURE)).isFalse();
    }

    private Order reserved() {
        return pendingOrder("o-1").items(TWO_OF_SKU_1).done(INVENTORY_RESERVE).build();
    }

    private Order captured() {
        return pendingOrder("o-1").items(TWO_OF_SKU_1).done(INVENTORY_RESERVE, PAYMENT_CAPTURE).build();
    }

    private TransactWriteItem paymentRow(ProviderLedger ledger) {
        return store.record("o-1", ledger, "RECORDED");
    }

    private static SagaChange applied(StepDecision decision) {
        assertThat(decision).isInstanceOf(StepDecision.Apply.class);
        return ((StepDecision.Apply) decision).change();
    }

    private static RuntimeException refusal(StepDecision decision) {
        assertThat(decision).isInstanceOf(StepDecision.Refuse.class);
        return ((StepDecision.Refuse) decision).failure();
    }
}
