package routes.order;

import static org.assertj.core.api.Assertions.assertThat;
import static routes.ordersaga.SagaStep.INVENTORY_RELEASE;
import static routes.ordersaga.SagaStep.INVENTORY_RESERVE;
import static routes.ordersaga.SagaStep.ORDER_CANCEL;
import static routes.ordersaga.SagaStep.ORDER_CONFIRM;
import static routes.ordersaga.SagaStep.PAYMENT_CAPTURE;
import static routes.ordersaga.SagaStep.PAYMENT_REFUND;
import static routes.support.TestOrders.committed;
import static routes.support.TestOrders.pendingOrder;

import java.math.BigDecimal;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import routes.ordersaga.Order;
import routes.ordersaga.OrderLine;
import routes.ordersaga.OrderStatus;
import routes.ordersaga.RecoveryAction;
import routes.ordersaga.RecoveryDecisions;
import routes.ordersaga.SagaStep;
import routes.saga.SagaChange;
import routes.saga.SagaChange.StepMark;
import routes.saga.SagaDecisions;
import routes.saga.StepDecision;
import routes.saga.StepSupersededException;
import routes.support.TestOrders;

/** The order context's step rules: confirm, cancel, and the failure reason a saga records. */
class OrderDecisionsTest {

    @Test
    void confirmOfAnOrderWithStockReservedAndPaymentCapturedMakesItConfirmedWithItsEvent() {
        Order order = pendingOrder("o-1").items(new OrderLine("SKU-1", 2, new BigDecimal("9.99")))
                .done(INVENTORY_RESERVE, PAYMENT_CAPTURE).build();

        SagaChange change = applied(OrderDecisions.confirm(order));

        assertThat(change.step()).isEqualTo(ORDER_CONFIRM);
        assertThat(change.mark()).isEqualTo(StepMark.DONE);
        assertThat(change.history()).isEqualTo("DONE");
        assertThat(change.newStatus()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(change.reason()).isNull();
        assertThat(change.eventType()).isEqualTo("order.confirmed");
        assertThat(change.eventData()).isEqualTo("{\"orderId\":\"o-1\",\"customerId\":\"customer-1\",\"total\":19.98}");
        assertThat(change.otherItems()).isEmpty();
    }

    @Test
    void confirmRetriedAfterItCommittedIsAlreadyApplied() {
        Order order = pendingOrder("o-1").done(INVENTORY_RESERVE, PAYMENT_CAPTURE).build();
        Order confirmed = committed(order, applied(OrderDecisions.confirm(order)));

        assertThat(OrderDecisions.confirm(confirmed)).isInstanceOf(StepDecision.AlreadyApplied.class);
    }

    @ParameterizedTest
    @EnumSource(value = SagaStep.class, names = {"PAYMENT_REFUND", "INVENTORY_RELEASE", "ORDER_CANCEL"})
    void confirmIsSupersededOnceAnyCompensationRan(SagaStep compensation) {
        Order compensating = pendingOrder("o-1").done(INVENTORY_RESERVE, PAYMENT_CAPTURE).compensated(compensation).build();

        assertThat(refusal(OrderDecisions.confirm(compensating))).isInstanceOf(StepSupersededException.class)
                .hasMessageContaining("order-confirm");
    }

    @Test
    void confirmOfACancelledOrderIsSuperseded() {
        Order cancelled = pendingOrder("o-1").done(INVENTORY_RESERVE, PAYMENT_CAPTURE).status(OrderStatus.CANCELLED).build();

        assertThat(refusal(OrderDecisions.confirm(cancelled))).isInstanceOf(StepSupersededException.class);
    }

    @ParameterizedTest
    @MethodSource("ordersMissingAStep")
    void confirmIsRefusedBeforeStockIsReservedAndPaymentCaptured(Order order) {
        assertThat(refusal(OrderDecisions.confirm(order))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot be confirmed");
    }

    static Stream<Arguments> ordersMissingAStep() {
        return Stream.of(
                Arguments.of(pendingOrder("o-1").build()),
                Arguments.of(pendingOrder("o-1").done(INVENTORY_RESERVE).build()),
                Arguments.of(pendingOrder("o-1").done(PAYMENT_CAPTURE).build()));
    }

    @Test
    void cancelWithoutARecordedReasonCancelsForTimeout() {
        Order order = pendingOrder("o-1").done(INVENTORY_RESERVE).compensated(INVENTORY_RELEASE).build();

        SagaChange change = applied(OrderDecisions.cancel(order));

        assertThat(change.step()).isEqualTo(ORDER_CANCEL);
        assertThat(change.mark()).isEqualTo(StepMark.COMPENSATED);
        assertThat(change.newStatus()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(change.reason()).isEqualTo(OrderDecisions.TIMEOUT).isEqualTo("TIMEOUT");
        assertThat(change.eventType()).isEqualTo("order.cancelled");
        assertThat(change.eventData()).isEqualTo("{\"orderId\":\"o-1\",\"customerId\":\"customer-1\",\"reason\":\"TIMEOUT\"}");
        assertThat(change.otherItems()).isEmpty();
    }

    @Test
    void cancelKeepsTheReasonAFailedStepRecorded() {
        Order order = pendingOrder("o-1").build();
        Order failed = committed(order, applied(SagaDecisions.recordFailure(order, SagaStep.FAILURE, "OUT_OF_STOCK", null, null)));

        SagaChange change = applied(OrderDecisions.cancel(failed));

        assertThat(change.reason()).isEqualTo("OUT_OF_STOCK");
        assertThat(change.eventData()).contains("\"reason\":\"OUT_OF_STOCK\"");
    }

    @Test
    void cancelRunTwiceIsAlreadyApplied() {
        Order order = pendingOrder("o-1").build();
        Order cancelled = committed(order, applied(OrderDecisions.cancel(order)));

        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(OrderDecisions.cancel(cancelled)).isInstanceOf(StepDecision.AlreadyApplied.class);
    }

    @Test
    void cancelOfAConfirmedOrderLeavesItConfirmed() {
        Order order = pendingOrder("o-1").done(INVENTORY_RESERVE, PAYMENT_CAPTURE).build();
        Order confirmed = committed(order, applied(OrderDecisions.confirm(order)));

        assertThat(OrderDecisions.cancel(confirmed)).isInstanceOf(StepDecision.AlreadyApplied.class);
    }

    @Test
    void confirmArrivingAfterTheCancelIsSuperseded() {
        Order order = pendingOrder("o-1").done(INVENTORY_RESERVE, PAYMENT_CAPTURE)
                .compensated(PAYMENT_REFUND, INVENTORY_RELEASE).build();
        Order cancelled = committed(order, applied(OrderDecisions.cancel(order)));

        assertThat(refusal(OrderDecisions.confirm(cancelled))).isInstanceOf(StepSupersededException.class);
    }

    @Test
    void recordFailureNotesTheReasonWithoutMarkingAStepOrEndingTheOrder() {
        Order order = pendingOrder("o-1").done(INVENTORY_RESERVE).build();

        SagaChange change = applied(SagaDecisions.recordFailure(order, SagaStep.FAILURE, "PAYMENT_DECLINED", "payment.declined", "{}"));

        assertThat(change.step()).isEqualTo(SagaStep.FAILURE);
        assertThat(change.mark()).isEqualTo(StepMark.NONE);
        assertThat(change.history()).isEqualTo("FAILED");
        assertThat(change.newStatus()).isNull();
        assertThat(change.reason()).isEqualTo("PAYMENT_DECLINED");
        assertThat(change.eventType()).isEqualTo("payment.declined");
        assertThat(change.eventData()).isEqualTo("{}");

        Order failed = committed(order, change);
        assertThat(failed.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(failed.doneSteps()).containsExactlyInAnyOrder("order-create", "inventory-reserve");
        assertThat(failed.compensatedSteps()).isEmpty();
    }

    @Test
    void recordFailureWithoutEventWritesNoEvent() {
        SagaChange change = applied(SagaDecisions.recordFailure(pendingOrder("o-1").build(), SagaStep.FAILURE, "TECHNICAL_FAILURE", null, null));

        assertThat(change.eventType()).isNull();
        assertThat(change.reason()).isEqualTo("TECHNICAL_FAILURE");
    }

    @Test
    void recordFailureKeepsTheFirstReason() {
        Order order = pendingOrder("o-1").build();
        Order declined = committed(order, applied(SagaDecisions.recordFailure(order, SagaStep.FAILURE, "PAYMENT_DECLINED", null, null)));

        assertThat(SagaDecisions.recordFailure(declined, SagaStep.FAILURE, "TECHNICAL_FAILURE", null, null))
                .isInstanceOf(StepDecision.AlreadyApplied.class);
        assertThat(applied(OrderDecisions.cancel(declined)).reason()).isEqualTo("PAYMENT_DECLINED");
    }

    @ParameterizedTest
    @EnumSource(value = OrderStatus.class, names = {"CONFIRMED", "CANCELLED"})
    void recordFailureOnAFinishedOrderIsAlreadyApplied(OrderStatus finished) {
        Order order = pendingOrder("o-1").status(finished).build();

        assertThat(SagaDecisions.recordFailure(order, SagaStep.FAILURE, "TECHNICAL_FAILURE", null, null))
                .isInstanceOf(StepDecision.AlreadyApplied.class);
    }

    @Test
    void compensationsInTheSagaOrderLeaveTheOrderCancelledWithEveryCompensationMarked() {
        Order order = pendingOrder("o-1").done(INVENTORY_RESERVE).compensated(PAYMENT_REFUND, INVENTORY_RELEASE).build();

        Order cancelled = committed(order, applied(OrderDecisions.cancel(order)));

        assertThat(cancelled.compensatedSteps()).containsExactlyInAnyOrder("payment-refund", "inventory-release", "order-cancel");
        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(cancelled.reason()).isEqualTo("TIMEOUT");
    }

    @Test
    void cancelIsRefusedWhileReservedStockIsNotReleased() {
        // The release exhausted its retries: cancelling now would hold the stock forever.
        Order order = pendingOrder("o-1").done(INVENTORY_RESERVE).build();

        assertThat(refusal(OrderDecisions.cancel(order))).isInstanceOf(CompensationPendingException.class)
                .hasMessageContaining("inventory-release");
    }

    @Test
    void cancelIsRefusedWhileACapturedPaymentIsNotRefunded() {
        Order order = pendingOrder("o-1").done(INVENTORY_RESERVE, PAYMENT_CAPTURE).compensated(INVENTORY_RELEASE).build();

        assertThat(refusal(OrderDecisions.cancel(order))).isInstanceOf(CompensationPendingException.class)
                .hasMessageContaining("payment-refund");
    }

    @Test
    void cancelIsRefusedWhileAClaimedRefundHasNotReachedTheProvider() {
        Order claimed = committed(pendingOrder("o-1").build(), SagaChange.compensated(PAYMENT_REFUND, null, null)
                .withHistory("STARTED"));

        assertThat(refusal(OrderDecisions.cancel(claimed))).isInstanceOf(CompensationPendingException.class);
    }

    @Test
    void cancelOfAnOrderThatReachedThePaymentAsksForAReconciliation() {
        Order undone = pendingOrder("o-1").done(INVENTORY_RESERVE).compensated(PAYMENT_REFUND, INVENTORY_RELEASE).build();
        Order neverReserved = pendingOrder("o-2").compensated(INVENTORY_RELEASE).build();

        assertThat(applied(OrderDecisions.cancel(undone)).reconcile()).isTrue();
        assertThat(applied(OrderDecisions.cancel(neverReserved)).reconcile()).isFalse();
    }

    @Test
    void adoptMakesTheNewSagaTheOwnerOfAPendingOrder() {
        Order lost = pendingOrder("o-1").sagaId("saga-lost").done(INVENTORY_RESERVE).build();

        Order adopted = committed(lost, applied(OrderDecisions.adopt(lost, "saga-new")));

        assertThat(adopted.sagaId()).isEqualTo("saga-new");
        assertThat(adopted.ownedBy("saga-lost")).isFalse();
        assertThat(adopted.ownedBy("saga-new")).isTrue();
        assertThat(adopted.doneSteps()).contains("inventory-reserve");
        assertThat(OrderDecisions.adopt(adopted, "saga-new")).isInstanceOf(StepDecision.AlreadyApplied.class);
    }

    @Test
    void adoptOfAFinishedOrderIsSuperseded() {
        Order cancelled = pendingOrder("o-1").status(OrderStatus.CANCELLED).build();

        assertThat(refusal(OrderDecisions.adopt(cancelled, "saga-new"))).isInstanceOf(StepSupersededException.class);
    }

    @Test
    void recoveryResumesAnOrderThatCanStillCompleteAndCompensatesOnlyAfterItsDeadline() {
        Order inFlight = pendingOrder("o-1").done(INVENTORY_RESERVE).build();
        java.time.Duration deadline = java.time.Duration.ofMinutes(5);

        assertThat(RecoveryDecisions.recover(inFlight, TestOrders.CREATED_AT.plusSeconds(299), deadline))
                .isEqualTo(RecoveryAction.RESUME);
        assertThat(RecoveryDecisions.recover(inFlight, TestOrders.CREATED_AT.plusSeconds(300), deadline))
                .isEqualTo(RecoveryAction.COMPENSATE);
    }

    @Test
    void recoveryCompensatesAnOrderWhoseSagaFailedOrBeganUndoing() {
        java.time.Instant now = TestOrders.CREATED_AT.plusSeconds(60);
        java.time.Duration deadline = java.time.Duration.ofMinutes(5);

        assertThat(RecoveryDecisions.recover(pendingOrder("o-1").reason("PAYMENT_DECLINED").build(), now, deadline))
                .isEqualTo(RecoveryAction.COMPENSATE);
        assertThat(RecoveryDecisions.recover(pendingOrder("o-2").done(INVENTORY_RESERVE).compensated(PAYMENT_REFUND).build(),
                now, deadline)).isEqualTo(RecoveryAction.COMPENSATE);
        assertThat(RecoveryDecisions.recover(pendingOrder("o-3").status(OrderStatus.CONFIRMED).build(), now, deadline))
                .isEqualTo(RecoveryAction.NONE);
    }

    @Test
    void onlyTheOwningSagaOrRecoveryMayCompensate() {
        Order owned = pendingOrder("o-1").sagaId("saga-a").build();

        assertThat(owned.ownedBy("saga-a")).isTrue();
        assertThat(owned.ownedBy("saga-b")).as("a duplicate request's saga").isFalse();
        assertThat(owned.ownedBy(null)).as("recovery").isTrue();
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
