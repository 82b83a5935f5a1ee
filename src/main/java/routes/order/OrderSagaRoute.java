package routes.order;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.SagaCompletionMode;
import org.apache.camel.model.SagaPropagation;
import org.springframework.stereotype.Component;

/**
 * The order saga: order-create → inventory-reserve → payment-capture → order-confirm. It begins in
 * the HTTP request's thread, which creates the order (so the request learns whether the order id
 * was new), and goes on in the background. Completion is manual: the background route completes
 * the saga after its last step, or compensates it when a step fails; the saga's timeout
 * compensates it when neither happens in time.
 */
@Component
public class OrderSagaRoute extends RouteBuilder {

    public static final String PLACE_ORDER = "direct:order-saga";
    public static final String RESUME_ORDER = "direct:order-resume";
    // As many places as running sagas, so a saga always finds one (blockWhenFull is a safety net).
    static final String SAGA_STEPS = "seda:order-saga-steps?size={{app.saga.max-running}}&blockWhenFull=true";

    @Override
    public void configure() {
        from(PLACE_ORDER).routeId("order-saga")
                .description("Begins an order's saga and creates the order; the other steps go on in the background")
                .saga().propagation(SagaPropagation.REQUIRES_NEW).completionMode(SagaCompletionMode.MANUAL)
                    .timeout("{{app.saga.timeout}}")
                .doTry()
                    .to("direct:order-create").id("create-order")
                .doCatch(Exception.class)
                    // MANUAL completion would leave the saga to its timeout. It undoes nothing: if its write
                    // landed after all, the order is PENDING and recovery resumes it.
                    .to("saga:complete").id("end-failed-saga")
                    .bean(OrderSagaSteps.class, "rethrow").id("answer-failure")
                .end()
                .choice()
                    .when(exchangeProperty(OrderSagaSteps.ORDER_CREATED).isEqualTo(true))
                        .to(SAGA_STEPS + "&waitForTaskToComplete=Never").id("continue-in-background")
                    .otherwise()
                        // The order id was taken: this saga did nothing and has nothing to undo.
                        .to("saga:complete").id("end-duplicate-saga")
                .end();

        // A step's failure was already dealt with by that step's error handler (its retries), and
        // Camel runs no caller's onException for it again: so the compensation is a doCatch here.
        from(RESUME_ORDER).routeId("order-resume")
                .description("Resumes a lost saga in a new one, which takes the order over and runs the steps again")
                .saga().propagation(SagaPropagation.REQUIRES_NEW).completionMode(SagaCompletionMode.MANUAL)
                    .timeout("{{app.saga.timeout}}")
                .doTry()
                    .to("direct:order-adopt").id("adopt-order")
                .doCatch(Exception.class)
                    .to("saga:complete").id("end-failed-resume")
                    .bean(OrderSagaSteps.class, "rethrow").id("report-failed-resume")
                .end()
                // Steps already done change nothing but enlist their compensations in the new saga.
                .to(SAGA_STEPS + "&waitForTaskToComplete=Never").id("resume-in-background");

        from(SAGA_STEPS + "&concurrentConsumers={{app.saga.concurrent-sagas}}").routeId("order-saga-steps")
                .description("Runs the saga's remaining steps, then completes it; a failed step compensates it")
                .doTry()
                    .to("direct:inventory-reserve").id("reserve-inventory")
                    .to("direct:payment-capture").id("capture-payment")
                    .to("direct:order-confirm").id("confirm-order")
                    .to("saga:complete").id("complete-saga")
                .doCatch(Exception.class)
                    .log(LoggingLevel.WARN, "Order ${header.orderId}: saga failed (${exception.message}), compensating")
                    .bean(OrderSagaSteps.class, "recordFailure").id("record-failure")
                    .to("saga:compensate").id("compensate-saga")
                .end();
    }
}
