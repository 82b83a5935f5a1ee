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
    static final String SAGA_STEPS = "seda:order-saga-steps";

    @Override
    public void configure() {
        from(PLACE_ORDER).routeId("order-saga")
                .description("Begins an order's saga and creates the order; the other steps go on in the background")
                .saga().propagation(SagaPropagation.REQUIRES_NEW).completionMode(SagaCompletionMode.MANUAL)
                    .timeout("{{app.saga.timeout}}")
                .to("direct:order-create").id("create-order")
                .choice()
                    .when(exchangeProperty(OrderSagaSteps.ORDER_CREATED).isEqualTo(true))
                        .to(SAGA_STEPS + "?waitForTaskToComplete=Never").id("continue-in-background")
                    .otherwise()
                        // The order id was taken: this saga did nothing and has nothing to undo.
                        .to("saga:complete").id("end-duplicate-saga")
                .end();

        // A step's failure was already dealt with by that step's error handler (its retries), and
        // Camel runs no caller's onException for it again: so the compensation is a doCatch here.
        from(SAGA_STEPS + "?concurrentConsumers={{app.saga.concurrent-sagas}}").routeId("order-saga-steps")
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
