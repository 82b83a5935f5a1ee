package routes.outbox;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.springframework.stereotype.Component;
import routes.camel.RouteConfigurationIds;

/**
 * Error handling of the relay's publishing routes: SNS failing or throttling is retried with
 * exponential backoff and jitter, each retry with only the events SNS did not accept; past the
 * retries they simply stay pending, and the sweeper publishes them when SNS is back. Nothing is
 * lost, nothing stops the stream consumer.
 */
@Component
public class OutboxRouteConfigurations extends RouteConfigurationBuilder {

    public static final String OUTBOX_PUBLISH = "outbox-publish";

    private final OutboxProperties settings;

    public OutboxRouteConfigurations(OutboxProperties settings) {
        this.settings = settings;
    }

    @Override
    public void configuration() {
        routeConfiguration(OUTBOX_PUBLISH)
                .errorHandler(defaultErrorHandler().logExhausted(false))
                .onException(Exception.class).id("outbox-publish-retry")
                .maximumRedeliveries(settings.publishRetries())
                .redeliveryDelay(settings.publishRetryDelay().toMillis())
                .useExponentialBackOff()
                .useCollisionAvoidance()
                .maximumRedeliveryDelay(settings.publishRetryMaxDelay().toMillis())
                .onRedelivery(new RetryUnpublishedOnly())
                .retryAttemptedLogLevel(LoggingLevel.DEBUG)
                .handled(true)
                .log(LoggingLevel.WARN,
                        "Outbox publish gave up after retries (${exception.message}); the events stay pending for the sweeper")
                    .id("log-publish-gave-up");
        RouteConfigurationIds.derive(getRouteConfigurationCollection().getRouteConfigurations());
    }
}
