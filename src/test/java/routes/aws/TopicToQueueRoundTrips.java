package routes.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import routes.aws.resources.ResourceBootstrap;
import routes.aws.resources.ResourceNames;
import routes.support.ResourceDefaults;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The topic-to-queue chaining the consumers rely on, checked on an SNS/SQS implementation given by
 * the subclass: the embedded stand-in with ElasticMQ, and fauxqs, which we did not write. If the
 * two disagree, the stand-in is wrong. Each check looks for its own message by its unique body:
 * on the embedded stand-in the application's relay publishes to the same topic meanwhile.
 */
abstract class TopicToQueueRoundTrips {

    protected static final ResourceNames NAMES = ResourceDefaults.names();

    protected abstract SnsClient sns();

    protected abstract SqsClient sqs();

    /** Creates the topic, queues and subscriptions the way the application does at start-up. */
    protected static void createMessaging(SnsClient sns, SqsClient sqs) {
        new ResourceBootstrap(ResourceDefaults.resources(NAMES), null, sns, sqs).createMessaging();
    }

    @BeforeEach
    void emptyQueues() {
        for (String queue : List.of("notification", "order-view", "notification-dlq", "order-view-dlq")) {
            sqs().purgeQueue(b -> b.queueUrl(url(queue)));
        }
    }

    @Test
    void confirmedEventReachesBothQueuesWithItsAttributes() {
        String body = publish("order.confirmed");

        for (String queue : List.of("notification", "order-view")) {
            Message message = awaitMessage(queue, body);
            assertThat(message.messageAttributes().get("type").stringValue()).isEqualTo("order.confirmed");
            assertThat(message.messageAttributes().get("correlationid").stringValue()).isEqualTo("order-1");
        }
    }

    @Test
    void otherEventTypeReachesOnlyTheOrderViewQueue() {
        String body = publish("order.created");

        awaitMessage("order-view", body);
        // Delivery is done when Publish answers, so the filtered queue would hold it by now.
        assertThat(receive("notification", 1)).extracting(Message::body).doesNotContain(body);
    }

    @Test
    void messageReceivedAndNotDeletedMaxReceiveCountTimesMovesToTheDeadLetterQueue() {
        String body = publish("order.cancelled");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            receiveWithoutDeleting("notification");
            assertThat(receive("notification-dlq", 0)).extracting(Message::body).contains(body);
        });
    }

    private String publish(String type) {
        String topicArn = sns().createTopic(b -> b.name(NAMES.topic())).topicArn();
        String body = "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"" + type + "\"}";
        sns().publish(b -> b.topicArn(topicArn).message(body).messageAttributes(Map.of(
                "type", stringAttribute(type),
                "correlationid", stringAttribute("order-1"))));
        return body;
    }

    /** The message with this body; others (the running application's own events) are passed over. */
    private Message awaitMessage(String queue, String body) {
        List<Message> seen = new java.util.ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            seen.addAll(receive(queue, 1));
            return seen.stream().anyMatch(m -> m.body().equals(body));
        });
        return seen.stream().filter(m -> m.body().equals(body)).findFirst().orElseThrow();
    }

    private List<Message> receive(String queue, int waitSeconds) {
        return sqs().receiveMessage(b -> b.queueUrl(url(queue)).waitTimeSeconds(waitSeconds)
                .maxNumberOfMessages(10).messageAttributeNames("All")).messages();
    }

    private void receiveWithoutDeleting(String queue) {
        sqs().receiveMessage(b -> b.queueUrl(url(queue)).visibilityTimeout(0).maxNumberOfMessages(10));
    }

    private String url(String queue) {
        return sqs().getQueueUrl(b -> b.queueName(queue)).queueUrl();
    }

    private static MessageAttributeValue stringAttribute(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}
