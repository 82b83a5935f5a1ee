package routes.ordersaga;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.Route;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.spi.UnitOfWork;
import org.springframework.stereotype.Component;
import routes.saga.TransientFailures;
import routes.timeline.TimelineEntry;
import routes.timeline.TimelineJournal;

/**
 * Error handling of the saga's steps and compensations ({@code routeConfigurationId("saga-step")}):
 * transient failures (throttling, timeouts, an unavailable provider) are redelivered with
 * exponential backoff and jitter, each retry logged once with the order id and journaled for the
 * saga explorer; anything else, or a transient failure past its retries, fails the step, and the
 * saga compensates.
 */
@Component
public class SagaRouteConfigurations extends RouteConfigurationBuilder {

    public static final String SAGA_STEP = "saga-step";

    private final SagaProperties saga;
    private final TimelineJournal timeline;

    public SagaRouteConfigurations(SagaProperties saga, TimelineJournal timeline) {
        this.saga = saga;
        this.timeline = timeline;
    }

    @Override
    public void configuration() {
        routeConfiguration(SAGA_STEP)
                // The saga route logs the failure that makes it compensate, once, without a stack
                // trace: neither the step's error handler nor its transient clause logs it again.
                .errorHandler(defaultErrorHandler().logExhausted(false))
                .onException(Exception.class)
                .onWhen(exchange -> TransientFailures.isTransient(exchange.getException()))
                .maximumRedeliveries(saga.stepRetries())
                .redeliveryDelay(saga.stepRetryDelay().toMillis())
                .useExponentialBackOff()
                .backOffMultiplier(2)
                .useCollisionAvoidance()
                .maximumRedeliveryDelay(saga.stepRetryMaxDelay().toMillis())
                .retryAttemptedLogLevel(LoggingLevel.DEBUG)
                .logExhausted(false)
                .onRedelivery(this::retrying);
    }

    // Logged once, and journaled for the saga explorer: no business row records a retry.
    private void retrying(Exchange exchange) {
        String orderId = exchange.getMessage().getHeader(SagaHeaders.ORDER_ID, String.class);
        Integer attempt = exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, Integer.class);
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String step = stepOf(exchange);
        log.warn("Order {}: retrying {} (attempt {}) after {}", orderId, step, attempt, String.valueOf(failure));
        timeline.record(TimelineEntry.retry(orderId, timeline.now(), step, attempt == null ? 0 : attempt,
                failure == null ? "unknown" : String.valueOf(failure.getMessage())));
    }

    // The participant route being retried; the exchange came from the saga's own route.
    private static String stepOf(Exchange exchange) {
        UnitOfWork unitOfWork = exchange.getUnitOfWork();
        Route route = unitOfWork == null ? null : unitOfWork.getRoute();
        return route == null ? exchange.getFromRouteId() : route.getRouteId();
    }
}
