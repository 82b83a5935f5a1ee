package routes.order;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.springframework.stereotype.Component;

/**
 * Error handling of the saga's routes, chosen per route with {@code routeConfigurationId}:
 * <ul>
 * <li>{@code saga-step}: steps and compensations redeliver transient failures with exponential
 * backoff and jitter; anything else, or a transient failure past its retries, fails the step.</li>
 * <li>{@code saga-compensation}: the route that runs the steps compensates the saga when one fails,
 * after writing down why.</li>
 * </ul>
 */
@Component
public class SagaRouteConfigurations extends RouteConfigurationBuilder {

    public static final String SAGA_STEP = "saga-step";
    public static final String SAGA_COMPENSATION = "saga-compensation";

    @Override
    public void configuration() {
        routeConfiguration(SAGA_STEP)
                .onException(Exception.class)
                .onWhen(exchange -> TransientFailures.isTransient(exchange.getException()))
                .maximumRedeliveries("{{app.saga.step-retries}}")
                .redeliveryDelay("{{app.saga.step-retry-delay}}")
                .useExponentialBackOff()
                .backOffMultiplier(2)
                .useCollisionAvoidance()
                .maximumRedeliveryDelay("{{app.saga.step-retry-max-delay}}")
                .retryAttemptedLogLevel(LoggingLevel.DEBUG)
                .onRedelivery(exchange -> log.warn("Order {}: retrying {} (attempt {}) after {}",
                        exchange.getMessage().getHeader(SagaHeaders.ORDER_ID),
                        exchange.getFromRouteId(),
                        exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER),
                        String.valueOf(exchange.getProperty(Exchange.EXCEPTION_CAUGHT))));

        routeConfiguration(SAGA_COMPENSATION)
                .onException(Exception.class)
                .handled(true)
                .log(LoggingLevel.WARN, "Order ${header.orderId}: saga failed (${exception.message}), compensating")
                .bean(OrderSagaSteps.class, "recordFailure")
                .to("saga:compensate");
    }
}
