package routes.ordersaga;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.ChoiceDefinition;
import org.springframework.stereotype.Component;

/**
 * Finishes what lost sagas started. An order PENDING and untouched for longer than the saga timeout
 * lost its saga with a JVM (or its compensation gave up): while it can still complete, a new saga
 * resumes it; after the resume deadline, or once it failed, its steps are undone in reverse order
 * and it is cancelled. Every step and compensation is idempotent, so a saga that is merely slow is
 * safe too. Cancelled orders that reached the payment step are checked with the provider later.
 */
@Component
public class OrderRecoveryRoute extends RouteBuilder {

    static final String ACTION = "recoveryAction";
    /** Checks a cancelled order with the payment provider (the payment context serves it). */
    public static final String RECONCILE_PAYMENT = "direct:payment-reconcile";

    private final SagaProperties saga;

    public OrderRecoveryRoute(SagaProperties saga) {
        this.saga = saga;
    }

    @Override
    public void configure() {
        String everyInterval = "?delay=" + saga.recoveryInterval().toMillis() + "&period=" + saga.recoveryInterval().toMillis();
        // One instance recovers at a time (the leader of "order-recovery"), so instances do not race.
        from("master:order-recovery:timer:order-recovery" + everyInterval)
                .routeId("order-recovery")
                .description("Finds orders whose saga was lost: PENDING and untouched past the saga timeout")
                .bean(OrderRecovery.class, "lostSagas").id("find-lost-sagas")
                // The splitter goes on with the other orders when one fails; the next round retries it.
                .split(body()).id("each-lost-saga")
                    .setHeader(SagaHeaders.ORDER_ID, body()).id("set-lost-order-id")
                    .to("direct:order-recover").id("recover-order");

        ChoiceDefinition recover = from("direct:order-recover").routeId("order-recover")
                .description("Resumes a lost saga while its order can still complete, otherwise undoes its steps and cancels it")
                .setProperty(ACTION, method(OrderRecovery.class, "action")).id("decide-recovery")
                .choice().id("resume-or-compensate")
                    .when(exchangeProperty(ACTION).isEqualTo(RecoveryAction.RESUME)).id("can-resume")
                        .log(LoggingLevel.WARN, "Order ${header.orderId}: saga lost, resuming it in a new saga").id("log-resuming")
                        .to(OrderSagaRoute.RESUME_ORDER).id("resume-saga")
                        .bean(SagaMetrics.class, "rolledForward").id("count-rolled-forward")
                    .when(exchangeProperty(ACTION).isEqualTo(RecoveryAction.COMPENSATE)).id("must-compensate")
                        .log(LoggingLevel.WARN, "Order ${header.orderId}: saga lost and cannot complete, compensating")
                            .id("log-compensating");
        // Every compensation, in the order the saga runs them.
        for (SagaStep compensation : SagaStep.compensations()) {
            recover.to(compensation.endpoint()).id("recover-" + compensation.id());
        }
        recover.bean(SagaMetrics.class, "recoveredByCompensation").id("count-recovered-by-compensation");
        recover.end();

        from("master:order-reconcile:timer:order-reconcile" + everyInterval)
                .routeId("order-reconcile")
                .description("Finds cancelled orders that reached the payment step, once no capture can still be in flight")
                .bean(OrderRecovery.class, "ordersToReconcile").id("find-orders-to-reconcile")
                .split(body()).id("each-order-to-reconcile")
                    .setHeader(SagaHeaders.ORDER_ID, body()).id("set-reconciled-order-id")
                    .to(RECONCILE_PAYMENT).id("reconcile-payment");
    }
}
