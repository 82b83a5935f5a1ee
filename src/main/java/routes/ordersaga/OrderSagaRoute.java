package routes.ordersaga;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.SagaCompletionMode;
import org.apache.camel.model.SagaPropagation;
import org.apache.camel.model.TryDefinition;
import org.springframework.stereotype.Component;

/**
 * The order saga, its steps as {@link SagaStep} declares them. It begins in
 * the HTTP request's thread, which creates the order (so the request learns whether the order id
 * was new), and goes on in the background. Completion is manual: the background route completes
 * the saga after its last step, or compensates it when a step fails; the saga's timeout
 * compensates it when neither happens in time.
 */
@Component
public class OrderSagaRoute extends RouteBuilder {

    public static final String PLACE_ORDER = "direct:order-saga";
    public static final String RESUME_ORDER = "direct:order-resume";
    /** The first step of a resumed saga: takes the order over (the order context serves it). */
    public static final String ADOPT_ORDER = "direct:order-adopt";
    /** Exchange property the order-create step sets: false when the order id was already taken. */
    public static final String ORDER_CREATED = "orderCreated";

    private final SagaProperties saga;
    private final RemoteSteps remoteSteps;

    public OrderSagaRoute(SagaProperties saga, RemoteSteps remoteSteps) {
        this.saga = saga;
        this.remoteSteps = remoteSteps;
    }

    @Override
    public void configure() {
        // As many places as running sagas, so a saga always finds one (blockWhenFull is a safety net).
        String sagaSteps = "seda:order-saga-steps?size=" + saga.maxRunning() + "&blockWhenFull=true";
        from(PLACE_ORDER).routeId("order-saga")
                .description("Begins an order's saga and creates the order; the other steps go on in the background")
                .saga().propagation(SagaPropagation.REQUIRES_NEW).completionMode(SagaCompletionMode.MANUAL)
                    .timeout(saga.timeout()).id("begin-order-saga")
                .doTry().id("try-create-order")
                    .to(SagaStep.ORDER_CREATE.endpoint()).id("create-order")
                .doCatch(Exception.class).id("catch-create-failure")
                    // MANUAL completion would leave the saga to its timeout. It undoes nothing: if its write
                    // landed after all, the order is PENDING and recovery resumes it.
                    .to("saga:complete").id("end-failed-saga")
                    .bean(SagaFailures.class, "rethrow").id("answer-failure")
                .end()
                .choice().id("was-order-created")
                    .when(exchangeProperty(ORDER_CREATED).isEqualTo(true)).id("order-created")
                        .bean(SagaMetrics.class, "started").id("count-saga-started")
                        .to(sagaSteps + "&waitForTaskToComplete=Never").id("continue-in-background")
                    .otherwise().id("order-id-taken")
                        // The order id was taken: this saga did nothing and has nothing to undo.
                        .to("saga:complete").id("end-duplicate-saga")
                .end();

        // A step's failure was already dealt with by that step's error handler (its retries), and
        // Camel runs no caller's onException for it again: so the compensation is a doCatch here.
        from(RESUME_ORDER).routeId("order-resume")
                .description("Resumes a lost saga in a new one, which takes the order over and runs the steps again")
                .saga().propagation(SagaPropagation.REQUIRES_NEW).completionMode(SagaCompletionMode.MANUAL)
                    .timeout(saga.timeout()).id("begin-resumed-saga")
                .doTry().id("try-adopt-order")
                    .to(ADOPT_ORDER).id("adopt-order")
                .doCatch(Exception.class).id("catch-adopt-failure")
                    .to("saga:complete").id("end-failed-resume")
                    .bean(SagaFailures.class, "rethrow").id("report-failed-resume")
                .end()
                // Steps already done change nothing but enlist their compensations in the new saga.
                .to(sagaSteps + "&waitForTaskToComplete=Never").id("resume-in-background");

        TryDefinition steps = from(sagaSteps + "&concurrentConsumers=" + saga.concurrentSagas())
                .routeId("order-saga-steps")
                .description("Runs the saga's remaining steps, then completes it; a failed step compensates it")
                .doTry().id("try-saga-steps");
        for (SagaStep step : SagaStep.backgroundSteps()) {
            steps.to(remoteSteps.endpoint(step)).id("run-" + step.id());
        }
        steps.to("saga:complete").id("complete-saga")
                .doCatch(Exception.class).id("catch-step-failure")
                    .log(LoggingLevel.WARN, "Order ${header.orderId}: saga failed (${exception.message}), compensating")
                        .id("log-saga-failed")
                    .bean(SagaFailures.class, "recordFailure").id("record-failure")
                    .to("saga:compensate").id("compensate-saga")
                .end();
    }
}
