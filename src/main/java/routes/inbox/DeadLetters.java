package routes.inbox;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.component.aws2.sqs.Sqs2Constants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import routes.timeline.TimelineEntry;
import routes.timeline.TimelineJournal;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * The dead-letter channel's last step: the original message, with its attributes and the failure's
 * reason, exception class and attempt count as message attributes, into the consumer's
 * dead-letter queue. The consumer then acknowledges the message. A message that names its order is
 * also journaled for the saga explorer.
 */
@Component
public class DeadLetters {

    public static final String REASON = "dlq-reason";
    public static final String EXCEPTION = "dlq-exception";
    public static final String ATTEMPTS = "dlq-attempts";
    public static final String FAILED_AT = "dlq-failed-at";
    // SQS carries at most 10 message attributes: ours take four.
    private static final int MAX_ORIGINAL_ATTRIBUTES = 6;
    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final SqsClient sqs;
    private final InboxConsumers consumers;
    private final Clock clock;
    private final TimelineJournal timeline;

    public DeadLetters(SqsClient sqs, InboxConsumers consumers, Clock clock, TimelineJournal timeline) {
        this.sqs = sqs;
        this.consumers = consumers;
        this.clock = clock;
        this.timeline = timeline;
    }

    public void send(Exchange exchange) {
        String consumer = exchange.getProperty(InboxConsumer.PROPERTY, String.class);
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String reason = failure == null ? "unknown" : String.valueOf(failure.getMessage());
        Map<String, MessageAttributeValue> attributes = new HashMap<>();
        originalAttributes(exchange).entrySet().stream()
                .filter(e -> !e.getKey().startsWith("dlq-"))
                .limit(MAX_ORIGINAL_ATTRIBUTES)
                .forEach(e -> attributes.put(e.getKey(), e.getValue()));
        attributes.put(REASON, string(reason.length() > 1000 ? reason.substring(0, 1000) : reason));
        attributes.put(EXCEPTION, string(failure == null ? "none" : failure.getClass().getName()));
        attributes.put(ATTEMPTS, MessageAttributeValue.builder().dataType("Number")
                .stringValue(Integer.toString(attempts(exchange))).build());
        attributes.put(FAILED_AT, string(clock.instant().toString()));
        String body = exchange.getMessage().getBody(String.class);
        String queueUrl = sqs.getQueueUrl(b -> b.queueName(consumers.deadLetterQueueOf(consumer))).queueUrl();
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body == null || body.isEmpty() ? "(empty)" : body)
                .messageAttributes(attributes));
        log.warn("Consumer {}: message {} dead-lettered after {} attempt(s): {}", consumer,
                exchange.getMessage().getHeader(Sqs2Constants.MESSAGE_ID), attempts(exchange), reason);
        EventReference.of(exchange).ifPresent(event -> timeline.record(TimelineEntry.deadLetter(event.orderId(),
                timeline.now(), consumer, event.eventId(), event.type(), reason)));
    }

    /** Deliveries by SQS so far, counting this one, plus the redeliveries Camel made of this one. */
    static int attempts(Exchange exchange) {
        int receives = receiveCount(exchange);
        Integer redeliveries = exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, Integer.class);
        return Math.max(1, receives) + (redeliveries == null ? 0 : redeliveries);
    }

    static int receiveCount(Exchange exchange) {
        Map<?, ?> attributes = exchange.getMessage().getHeader(Sqs2Constants.ATTRIBUTES, Map.class);
        if (attributes == null) {
            return 1;
        }
        for (Map.Entry<?, ?> entry : attributes.entrySet()) {
            if (String.valueOf(entry.getKey()).equalsIgnoreCase("ApproximateReceiveCount")) {
                return Integer.parseInt(String.valueOf(entry.getValue()));
            }
        }
        return 1;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, MessageAttributeValue> originalAttributes(Exchange exchange) {
        Map<String, MessageAttributeValue> attributes =
                exchange.getMessage().getHeader(Sqs2Constants.MESSAGE_ATTRIBUTES, Map.class);
        return attributes == null ? Map.of() : attributes;
    }

    private static MessageAttributeValue string(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}
