package routes.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jmx.export.annotation.ManagedOperation;
import org.springframework.jmx.export.annotation.ManagedOperationParameter;
import org.springframework.jmx.export.annotation.ManagedResource;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Looks into a consumer's dead-letter queue and replays it after a fix. A replay sends each message
 * back to the consumer's queue, then deletes it from the dead-letter queue: interrupted in between,
 * the message is in both, and the consumer's inbox absorbs the duplicate. Nothing is lost. A replay
 * can also take only one event's messages (the saga explorer's replay of a dead-lettered event).
 * Also a JMX operation, so it can be run from Hawtio.
 */
@Component
@ManagedResource(objectName = "camel-saga-outbox:type=DeadLetterQueues", description = "SQS consumers' dead-letter queues")
public class DeadLetterQueues {

    /** One dead-lettered message as an operator sees it. */
    @Schema(requiredProperties = {"messageId", "reason", "exception", "attempts", "failedAt", "body"},
            additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    public record DeadLetter(String messageId,
            // null when the queue's redrive moved the message (after max-receive-count), not the consumer's error handler
            @Schema(nullable = true) String reason, @Schema(nullable = true) String exception,
            @Schema(nullable = true) String attempts, @Schema(nullable = true) String failedAt, String body) {}

    @Schema(name = "DeadLetterStatus", requiredProperties = {"consumer", "queue", "deadLetterQueue", "depth", "sample"},
            additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    public record Status(String consumer, String queue, String deadLetterQueue, long depth, List<DeadLetter> sample) {}

    private static final Logger log = LoggerFactory.getLogger(DeadLetterQueues.class);
    private static final int SAMPLE = 10;
    private static final int MAX_SEARCHED = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SqsClient sqs;
    private final InboxConsumers consumers;

    public DeadLetterQueues(SqsClient sqs, InboxConsumers consumers) {
        this.sqs = sqs;
        this.consumers = consumers;
    }

    /** Depth and a sample of messages with their failure reasons; the sample stays in the queue. */
    public Status status(String consumer) {
        String queue = consumers.queueOf(consumer);
        String deadLetterQueue = consumers.deadLetterQueueOf(consumer);
        String dlqUrl = url(deadLetterQueue);
        long depth = Long.parseLong(sqs.getQueueAttributes(b -> b.queueUrl(dlqUrl)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
                .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
        List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(dlqUrl).maxNumberOfMessages(SAMPLE)
                .visibilityTimeout(0).messageAttributeNames("All")).messages();
        // Looking must not hide the messages from a replay (not every SQS honours a receive's visibility 0).
        for (Message message : messages) {
            sqs.changeMessageVisibility(b -> b.queueUrl(dlqUrl).receiptHandle(message.receiptHandle()).visibilityTimeout(0));
        }
        List<DeadLetter> sample = messages.stream().map(DeadLetterQueues::deadLetter).toList();
        return new Status(consumer, queue, deadLetterQueue, depth, sample);
    }

    /** Moves up to {@code max} messages back to the consumer's queue; returns how many moved. */
    public int replay(String consumer, int max) {
        String queue = consumers.queueOf(consumer);
        String deadLetterQueue = consumers.deadLetterQueueOf(consumer);
        String queueUrl = url(queue);
        String dlqUrl = url(deadLetterQueue);
        int replayed = 0;
        while (replayed < max) {
            int batch = Math.min(10, max - replayed);
            List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(dlqUrl).maxNumberOfMessages(batch)
                    .visibilityTimeout(30).messageAttributeNames("All")).messages();
            if (messages.isEmpty()) {
                break;
            }
            for (Message message : messages) {
                sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(message.body())
                        .messageAttributes(withoutFailure(message.messageAttributes())));
                sqs.deleteMessage(b -> b.queueUrl(dlqUrl).receiptHandle(message.receiptHandle()));
                replayed++;
            }
        }
        log.info("Consumer {}: replayed {} message(s) from {} to {}", consumer, replayed, deadLetterQueue, queue);
        return replayed;
    }

    /**
     * Moves only the messages of one event back to the consumer's queue; returns how many moved. The
     * others looked at are made visible again at once. Looks at up to {@link #MAX_SEARCHED} messages.
     */
    public int replayEvent(String consumer, String eventId) {
        String queueUrl = url(consumers.queueOf(consumer));
        String dlqUrl = url(consumers.deadLetterQueueOf(consumer));
        List<Message> others = new ArrayList<>();
        List<Message> matching = new ArrayList<>();
        try {
            while (others.size() + matching.size() < MAX_SEARCHED) {
                // Hidden while searched, so that each receive brings messages not seen yet.
                List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(dlqUrl).maxNumberOfMessages(10)
                        .visibilityTimeout(60).messageAttributeNames("All")).messages();
                if (messages.isEmpty()) {
                    break;
                }
                messages.forEach(message -> (eventId.equals(eventIdOf(message.body())) ? matching : others).add(message));
            }
            // Moved once the search is over: a replayed message that fails again must not be found and moved again.
            for (Message message : matching) {
                sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(message.body())
                        .messageAttributes(withoutFailure(message.messageAttributes())));
                sqs.deleteMessage(b -> b.queueUrl(dlqUrl).receiptHandle(message.receiptHandle()));
            }
        } finally {
            for (Message message : others) {
                sqs.changeMessageVisibility(b -> b.queueUrl(dlqUrl).receiptHandle(message.receiptHandle()).visibilityTimeout(0));
            }
        }
        log.info("Consumer {}: replayed {} message(s) of event {} from its dead-letter queue", consumer, matching.size(),
                eventId);
        return matching.size();
    }

    @ManagedOperation(description = "Moves up to max messages from the consumer's dead-letter queue back to its queue")
    @ManagedOperationParameter(name = "consumer", description = "a declared consumer's name, e.g. notification")
    @ManagedOperationParameter(name = "max", description = "most messages to move")
    public String replayDeadLetters(String consumer, int max) {
        return "replayed " + replay(consumer, max) + " message(s) to " + consumers.queueOf(consumer);
    }

    @ManagedOperation(description = "Messages waiting in the consumer's dead-letter queue")
    @ManagedOperationParameter(name = "consumer", description = "a declared consumer's name, e.g. notification")
    public long deadLetterDepth(String consumer) {
        return status(consumer).depth();
    }

    private String url(String queue) {
        return sqs.getQueueUrl(b -> b.queueName(queue)).queueUrl();
    }

    /** The CloudEvent id of a dead-lettered body, or null when it is not a CloudEvent's JSON. */
    static String eventIdOf(String body) {
        try {
            JsonNode id = JSON.readTree(body).get("id");
            return id != null && id.isTextual() ? id.asText() : null;
        } catch (Exception notJson) {
            return null;
        }
    }

    private static Map<String, MessageAttributeValue> withoutFailure(Map<String, MessageAttributeValue> attributes) {
        Map<String, MessageAttributeValue> original = new HashMap<>(attributes);
        original.keySet().removeIf(name -> name.startsWith("dlq-"));
        return original;
    }

    private static DeadLetter deadLetter(Message message) {
        Map<String, MessageAttributeValue> attributes = message.messageAttributes();
        return new DeadLetter(message.messageId(), text(attributes, DeadLetters.REASON), text(attributes, DeadLetters.EXCEPTION),
                text(attributes, DeadLetters.ATTEMPTS), text(attributes, DeadLetters.FAILED_AT),
                message.body().length() > 2000 ? message.body().substring(0, 2000) + "…" : message.body());
    }

    private static String text(Map<String, MessageAttributeValue> attributes, String name) {
        MessageAttributeValue value = attributes.get(name);
        return value == null ? null : value.stringValue();
    }
}
