package routes.ordersaga;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.springframework.stereotype.Component;
import routes.camel.RouteConfigurationIds;
import routes.saga.TransientFailures;

/**
 * Error handling of the saga's steps and compensations ({@code routeConfigurationId("saga-step")}):
 * transient failures (throttling, timeouts, an unavailable provider) are redelivered with
 * exponential backoff and jitter, each retry logged once with the order id; anything else, or a
 * transient failure past its retries, fails the step, and the saga compensates.
 */
@Component
public class SagaRouteConfigurations extends RouteConfigurationBuilder {

    public static final String SAGA_STEP = "saga-step";

    private final SagaProperties saga;

    public SagaRouteConfigurations(SagaProperties saga) {
        this.saga = saga;
    }

    @Override
    public void configuration() {
        routeConfiguration(SAGA_STEP)
                // The saga route logs the failure that makes it compensate, once, without a stack
                // trace: neither the step's error handler nor its transient clause logs it again.
                .errorHandler(defaultErrorHandler().logExhausted(false))
                .onException(Exception.class).id("saga-step-retry-transient")
                .onWhen(exchange -> TransientFailures.isTransient(exchange.getException()))
                .maximumRedeliveries(saga.stepRetries())
                .redeliveryDelay(saga.stepRetryDelay().toMillis())
                .useExponentialBackOff()
                .backOffMultiplier(2)
                .useCollisionAvoidance()
                .maximumRedeliveryDelay(saga.stepRetryMaxDelay().toMillis())
                .retryAttemptedLogLevel(LoggingLevel.DEBUG)
                .logExhausted(false)
                .onRedelivery(exchange -> log.warn("Order {}: retrying {} (attempt {}) after {}",
                        exchange.getMessage().getHeader(SagaHeaders.ORDER_ID),
                        exchange.getFromRouteId(),
                        exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER),
                        String.valueOf(exchange.getProperty(Exchange.EXCEPTION_CAUGHT))));
        RouteConfigurationIds.derive(getRouteConfigurationCollection().getRouteConfigurations());
    }
}
