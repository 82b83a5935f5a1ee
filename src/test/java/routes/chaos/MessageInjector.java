package routes.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import routes.aws.resources.QueueSpec;
import routes.aws.resources.ResourceNames;
import routes.aws.resources.SubscriptionSpec;
import routes.support.ResourceDefaults;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * What SNS and SQS may do to the consumers, done on purpose: a queue of the run's own ("chaos-tap")
 * is subscribed to the topic and sees every published event; some are sent again to the consumers'
 * queues at once (duplicates), some in small batches in reverse order and late (reordered copies).
 * And a few poison messages per consumer queue, which must end, all and only them, in the DLQs.
 */
final class MessageInjector implements Runnable {

    static final String TAP_QUEUE = "chaos-tap";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DUPLICATE_PERCENT = 10;
    private static final int REORDER_BATCH = 4;
    private static final int REORDER_EVERY = 40;

    private final SqsClient sqs;
    private final SnsClient sns;
    private final ResourceNames names;
    private final Random random;
    private final Map<String, List<String>> poisonByQueue = new LinkedHashMap<>();
    private final AtomicInteger tapped = new AtomicInteger();
    private final AtomicInteger duplicates = new AtomicInteger();
    private final AtomicInteger reordered = new AtomicInteger();
    private final AtomicInteger failedInjections = new AtomicInteger();
    private volatile boolean stopping;

    MessageInjector(SqsClient sqs, SnsClient sns, ResourceNames names, Random random) {
        this.sqs = sqs;
        this.sns = sns;
        this.names = names;
        this.random = random;
    }

    /** The tap: a queue subscribed to the topic with raw delivery, as the consumers' are; kept across restarts. */
    void subscribeTap() {
        String url = sqs.createQueue(b -> b.queueName(TAP_QUEUE)).queueUrl();
        String arn = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        String topicArn = sns.createTopic(b -> b.name(names.topic())).topicArn();
        sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(arn).attributes(Map.of("RawMessageDelivery", "true")));
    }

    /** Three poison messages per consumer queue: not JSON, JSON that is no CloudEvent, a CloudEvent of an unknown type. */
    void injectPoison() {
        for (String queue : ResourceDefaults.resources(names).queues().stream().map(QueueSpec::name).toList()) {
            List<String> ids = new ArrayList<>();
            String prefix = "chaos-poison-" + queue + "-";
            List<String> bodies = List.of(
                    prefix + "1 is not JSON {",
                    "{\"poison\":\"" + prefix + "2\",\"note\":\"JSON, but not a CloudEvent\"}",
                    "{\"specversion\":\"1.0\",\"id\":\"" + prefix + "3\",\"source\":\"/chaos\",\"type\":\"order.teleported\","
                            + "\"subject\":\"chaos-00001\",\"correlationid\":\"chaos-00001\",\"aggregatetype\":\"order\","
                            + "\"aggregateversion\":1,\"data\":{\"orderId\":\"chaos-00001\",\"customerId\":\"customer-1\"}}");
            String url = url(queue);
            for (int i = 0; i < bodies.size(); i++) {
                String body = bodies.get(i);
                sqs.sendMessage(b -> b.queueUrl(url).messageBody(body));
                ids.add(prefix + (i + 1));
            }
            poisonByQueue.put(queue, ids);
        }
    }

    @Override
    public void run() {
        List<Message> reorderBuffer = new ArrayList<>();
        while (!stopping) {
            try {
                String tapUrl = url(TAP_QUEUE);
                List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(tapUrl).maxNumberOfMessages(10)
                        .waitTimeSeconds(1).messageAttributeNames("All")).messages();
                for (Message message : messages) {
                    int seen = tapped.incrementAndGet();
                    if (random.nextInt(100) < DUPLICATE_PERCENT) {
                        copy(message, 0);
                        duplicates.incrementAndGet();
                    }
                    if (seen % REORDER_EVERY < REORDER_BATCH) {
                        reorderBuffer.add(message);
                    }
                    if (reorderBuffer.size() == REORDER_BATCH) {
                        Collections.reverse(reorderBuffer);
                        for (int i = 0; i < reorderBuffer.size(); i++) {
                            copy(reorderBuffer.get(i), 1 + i);
                        }
                        reordered.addAndGet(reorderBuffer.size());
                        reorderBuffer.clear();
                    }
                    sqs.deleteMessage(b -> b.queueUrl(tapUrl).receiptHandle(message.receiptHandle()));
                }
            } catch (SdkException applicationDown) {
                // The queues live in the application's JVM: nothing to tap while it restarts.
                failedInjections.incrementAndGet();
                reorderBuffer.clear();
                pause();
            }
        }
    }

    void stop() {
        stopping = true;
    }

    /** A copy into every consumer queue whose subscription would have delivered it, after the delay. */
    private void copy(Message message, int delaySeconds) {
        Map<String, MessageAttributeValue> attributes = message.messageAttributes();
        String type = type(message);
        List<String> queues = ResourceDefaults.resources(names).subscriptions().stream()
                .filter(subscription -> !subscription.filtered() || subscription.eventTypes().contains(type))
                .map(SubscriptionSpec::queue).toList();
        for (String queue : queues) {
            String url = url(queue);
            sqs.sendMessage(b -> b.queueUrl(url).messageBody(message.body()).messageAttributes(attributes)
                    .delaySeconds(delaySeconds));
        }
    }

    private static String type(Message message) {
        MessageAttributeValue type = message.messageAttributes().get("type");
        if (type != null) {
            return type.stringValue();
        }
        try {
            JsonNode event = JSON.readTree(message.body());
            return event.path("type").asText();
        } catch (Exception notJson) {
            return "";
        }
    }

    private String url(String queue) {
        return sqs.getQueueUrl(b -> b.queueName(queue)).queueUrl();
    }

    private static void pause() {
        try {
            TimeUnit.SECONDS.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    Map<String, List<String>> poisonByQueue() {
        return poisonByQueue;
    }

    int tapped() {
        return tapped.get();
    }

    int duplicates() {
        return duplicates.get();
    }

    int reordered() {
        return reordered.get();
    }

    int failedInjections() {
        return failedInjections.get();
    }
}
