package routes.inbox;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;
import routes.logging.LogContext;

/**
 * The shape of every SQS consumer, as one route template: from the consumer's queue, read the message
 * as an event the consumer supports, let the inbox drop what this consumer processed already, then
 * hand the event to the consumer's bean. Error handling: route configuration {@code sqs-consumer}.
 * Instantiated from Java ({@code templatedRoute}) or YAML ({@code - templatedRoute:}) with a node
 * prefix of {@code <consumer>-}, so the steps read {@code order-view-inbox}, {@code notification-handle}.
 */
@Component
public class SqsConsumerRouteTemplate extends RouteBuilder {

    public static final String TEMPLATE = "sqs-consumer";
    /** Template parameters. */
    public static final String CONSUMER = "consumer";
    public static final String QUEUE = "queue";
    public static final String HANDLER = "handler";
    public static final String HANDLER_METHOD = "handlerMethod";
    public static final String CONCURRENT_CONSUMERS = "concurrentConsumers";
    /** The handler's step, for advice in tests (weaveById); the running route shows it as {@code <consumer>-handle}. */
    public static final String HANDLE_STEP = "handle";

    private final InboxRepository inbox;

    public SqsConsumerRouteTemplate(InboxRepository inbox) {
        this.inbox = inbox;
    }

    @Override
    public void configure() {
        routeTemplate(TEMPLATE)
                .templateParameter(CONSUMER, null, "the InboxConsumer's name")
                .templateParameter(QUEUE, null, "the consumer's queue (app.resources.queues.<consumer>)")
                .templateParameter(HANDLER, null, "name of the bean that handles the consumer's events")
                .templateParameter(HANDLER_METHOD, null, "its method, taking the InboundEvent")
                .templateParameter(CONCURRENT_CONSUMERS, "1", "threads polling the queue")
                // Greedy: a poll that brought messages is followed at once by the next, not after the poll delay.
                // queueUrl from GetQueueUrl: without it Camel lists queues (ListQueues, IAM Resource "*" only).
                .from("aws2-sqs:{{queue}}?queueUrl={{" + QueueUrlFunction.NAME + ":{{queue}}}}&attributeNames=All&messageAttributeNames=All"
                        + "&concurrentConsumers={{concurrentConsumers}}&maxMessagesPerPoll=10&waitTimeSeconds=1&greedy=true")
                // Camel does not resolve placeholders in a description: the route id names the consumer.
                .description("SQS consumer: reads each event of its queue, drops what its inbox saw, hands over the rest")
                .routeConfigurationId(SqsConsumerRouteConfigurations.SQS_CONSUMER)
                .setProperty(InboxConsumer.PROPERTY, constant("{{consumer}}")).id("name-consumer")
                .bean(InboxConsumers.class, "read").id("read-event")
                // Camel's MDC service puts it on every log line from here on (camel.mdc.custom-exchange-properties).
                .setProperty(LogContext.ORDER_ID, simple("${body.orderId()}")).id("log-order-id")
                .idempotentConsumer(simple("{{consumer}}#${body.id()}"), inbox).skipDuplicate(false).id("inbox")
                    .filter(simple("${exchangeProperty." + Exchange.DUPLICATE_MESSAGE + "} == true")).id("seen-before")
                        .bean(InboxMetrics.class, "duplicate").id("count-duplicate")
                        .stop().id("drop-duplicate")
                    .end()
                    // One line per event and consumer, so a grep for the order id shows each consumer's turn.
                    .log(LoggingLevel.INFO, "Order ${exchangeProperty." + LogContext.ORDER_ID
                            + "}: {{consumer}} handles ${body.type()} ${body.id()}").id("log-handling")
                    .bean("{{handler}}", "{{handlerMethod}}").id(HANDLE_STEP)
                .end();
    }
}
