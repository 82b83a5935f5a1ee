package routes.outbox;

import org.apache.camel.builder.RouteConfigurationBuilder;
import org.springframework.stereotype.Component;

/**
 * Error handling of the relay's publishing routes: SNS failing or throttling is retried with
 * exponential backoff and jitter, each retry with only the events SNS did not accept; past the
 * retries they simply stay pending, and the sweeper publishes them when SNS is back. Nothing is
 * lost, nothing stops the stream consumer.
 */
@Component
public class OutboxRouteConfigurations extends RouteConfigurationBuilder {

    public static final String OUTBOX_PUBLISH = "outbox-publish";

    @Override
    public void configuration() {
        routeConfiguration(OUTBOX_PUBLISH)
                .errorHandler(defaultErrorHandler().logExhausted(false))
                .onException(Exception.class)
                .maximumRedeliveries("{{app.outbox.publish-retries}}")
                .redeliveryDelay(200)
                .useExponentialBackOff()
                .useCollisionAvoidance()
                .maximumRedeliveryDelay(5000)
                .onRedelivery(new RetryUnpublishedOnly())
                .retryAttemptedLogLevel(org.apache.camel.LoggingLevel.DEBUG)
                .handled(true)
                .log(org.apache.camel.LoggingLevel.WARN,
                        "Outbox publish gave up after retries (${exception.message}); the events stay pending for the sweeper");
    }
}
