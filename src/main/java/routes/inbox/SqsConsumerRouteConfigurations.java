package routes.inbox;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import routes.camel.RouteConfigurationIds;

/**
 * Error handling shared by the SQS consumer routes ({@code routeConfigurationId("sqs-consumer")}):
 * <ul>
 * <li>permanent failures (not JSON, not a CloudEvent, an unsupported type, invalid data) go to the
 * consumer's dead-letter queue at once, with their reason;</li>
 * <li>a message that cannot be processed yet (its claim held by another delivery, a view that kept
 * changing under it) waits a little in place, then is deferred: not acknowledged, back on the queue
 * after a backoff (or after the other claim's lease), dead-lettered once its budget of receives is spent;</li>
 * <li>anything else (throttling, timeouts) is redelivered with exponential backoff and jitter, then
 * dead-lettered.</li>
 * </ul>
 * The queue's redrive policy stays as the second line, for what the application cannot handle (a
 * crash mid-message, the dead-letter queue itself unreachable). Counts and delays come from {@link InboxProperties}.
 */
@Component
public class SqsConsumerRouteConfigurations extends RouteConfigurationBuilder {

    public static final String SQS_CONSUMER = "sqs-consumer";
    private static final Logger LOG = LoggerFactory.getLogger(SqsConsumerRouteConfigurations.class);
    static final String DEAD_LETTER = DeadLetterRoute.DEAD_LETTER;

    private final InboxProperties settings;

    public SqsConsumerRouteConfigurations(InboxProperties settings) {
        this.settings = settings;
    }

    // Once per retry, with the message id; waiting on another delivery is routine and logged at DEBUG.
    private static void logRedelivery(Exchange exchange) {
        Object failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT);
        String line = "Consumer {}: retrying message {} (attempt {}) after {}";
        Object[] values = {exchange.getProperty(InboxConsumer.PROPERTY), exchange.getMessage().getHeader("CamelAwsSqsMessageId"),
                exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER), String.valueOf(failure)};
        if (failure instanceof DeferredEventException) {
            LOG.debug(line, values);
        } else {
            LOG.warn(line, values);
        }
    }

    @Override
    public void configuration() {
        routeConfiguration(SQS_CONSUMER)
                .errorHandler(deadLetterChannel(DEAD_LETTER)
                        // If the dead-letter queue cannot take it, the message stays on its queue.
                        .deadLetterHandleNewException(false)
                        .useOriginalMessage()
                        .maximumRedeliveries(settings.transientRetries())
                        .redeliveryDelay(settings.transientRetryDelay().toMillis())
                        .useExponentialBackOff()
                        .useCollisionAvoidance()
                        .maximumRedeliveryDelay(settings.transientRetryMaxDelay().toMillis())
                        .logExhausted(false)
                        .retryAttemptedLogLevel(LoggingLevel.DEBUG)
                        .onRedelivery(SqsConsumerRouteConfigurations::logRedelivery))
                // The dead-letter queue gets the message as it came, not what the route made of it.
                .onException(InvalidEventException.class).id("dead-letter-invalid-event")
                    .useOriginalMessage()
                    .maximumRedeliveries(0)
                .end()
                // Another consumer thread may finish with the event right now: wait a little in
                // place first, then put the message back on the queue for later.
                .onException(DeferredEventException.class).id("defer-claimed-event")
                    // Simple, not method(): Camel 4.17 cannot dump an onWhen(method) as YAML (Hawtio's JMX tab).
                    .onWhen(simple("${bean:deferrals?method=withinBudget}"))
                    .maximumRedeliveries(settings.waitRetries())
                    .redeliveryDelay(settings.waitDelay().toMillis())
                    .backOffMultiplier(1)
                    .logExhausted(false)
                    .retryAttemptedLogLevel(LoggingLevel.DEBUG)
                    .handled(false)
                    .bean(Deferrals.class, "defer").id("defer-event")
                .end()
                .onException(DeferredEventException.class).id("dead-letter-deferral-budget-spent")
                    .useOriginalMessage()
                    .maximumRedeliveries(0)
                .end();
        RouteConfigurationIds.derive(getRouteConfigurationCollection().getRouteConfigurations());
    }
}
