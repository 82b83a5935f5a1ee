package routes.local.sns;

import routes.support.FauxqsProcess;
import routes.support.LocalAwsClients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** What only the stand-in promises: a state file that survives restarts, isolated delivery failures, concurrency. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SnsStandInBehaviourTest {

    private static final String CONFIRMED = "{\"type\":[\"order.confirmed\"]}";

    private ElasticMqForTests elasticMq;
    private SqsClient sqs;

    @BeforeAll
    void startElasticMq() {
        elasticMq = ElasticMqForTests.start();
        sqs = LocalAwsClients.sqs(elasticMq.endpoint());
    }

    @AfterAll
    void stopElasticMq() {
        sqs.close();
        elasticMq.close();
    }

    @Test
    void restartedStandInKeepsTopicsSubscriptionsAndTheirAttributes(@TempDir Path stateDir) throws Exception {
        Path stateFile = stateDir.resolve("sns/state.json");
        Queue queue = createQueue("persisted");
        String topicArn;
        String subscriptionArn;
        try (SnsStandIn first = startStandIn(stateFile); SnsClient sns = LocalAwsClients.sns(first.endpoint())) {
            topicArn = sns.createTopic(r -> r.name("persisted-orders")).topicArn();
            subscriptionArn = sns.subscribe(r -> r.topicArn(topicArn).protocol("sqs").endpoint(queue.arn())
                    .attributes(Map.of("RawMessageDelivery", "true", "FilterPolicy", CONFIRMED))).subscriptionArn();
        }
        assertThat(new ObjectMapper().readTree(stateFile.toFile()).path("topics")).hasSize(1);

        try (SnsStandIn second = startStandIn(stateFile); SnsClient sns = LocalAwsClients.sns(second.endpoint())) {
            assertThat(sns.listTopics().topics()).extracting(t -> t.topicArn()).containsExactly(topicArn);
            assertThat(sns.listSubscriptionsByTopic(r -> r.topicArn(topicArn)).subscriptions())
                    .extracting(s -> s.subscriptionArn()).containsExactly(subscriptionArn);
            assertThat(sns.getSubscriptionAttributes(r -> r.subscriptionArn(subscriptionArn)).attributes())
                    .containsEntry("RawMessageDelivery", "true").containsEntry("FilterPolicy", CONFIRMED);

            publish(sns, topicArn, "created", "order.created");
            publish(sns, topicArn, "confirmed", "order.confirmed");

            assertThat(awaitBodies(queue, 1)).containsExactly("confirmed");
        }
    }

    @Test
    void deliveryFailureToOneQueueIsLoggedAndDoesNotStopTheOthers() {
        Queue deleted = createQueue("deleted");
        Queue healthy = createQueue("healthy");
        ListAppender<ILoggingEvent> warnings = captureLogsOf(TopicPublisher.class);
        try (SnsStandIn standIn = startStandIn(null); SnsClient sns = LocalAwsClients.sns(standIn.endpoint())) {
            String topicArn = sns.createTopic(r -> r.name("partly-broken")).topicArn();
            subscribeRaw(sns, topicArn, deleted);
            subscribeRaw(sns, topicArn, healthy);
            sqs.deleteQueue(r -> r.queueUrl(deleted.url()));

            String messageId = publish(sns, topicArn, "still delivered", "order.confirmed");

            assertThat(awaitBodies(healthy, 1)).containsExactly("still delivered");
            assertThat(warnings.list).anySatisfy(event -> assertThat(event.getFormattedMessage())
                    .contains(messageId).contains(deleted.arn()));
        } finally {
            ((Logger) LoggerFactory.getLogger(TopicPublisher.class)).detachAppender(warnings);
        }
    }

    @Test
    void unsubscribeUrlInTheEnvelopeRemovesTheSubscription() throws Exception {
        Queue queue = createQueue("unsubscribe-url");
        try (SnsStandIn standIn = startStandIn(null); SnsClient sns = LocalAwsClients.sns(standIn.endpoint())) {
            String topicArn = sns.createTopic(r -> r.name("unsubscribe-url")).topicArn();
            sns.subscribe(r -> r.topicArn(topicArn).protocol("sqs").endpoint(queue.arn()));
            sns.publish(r -> r.topicArn(topicArn).message("hello"));
            String unsubscribeUrl = new ObjectMapper().readTree(awaitBodies(queue, 1).get(0)).path("UnsubscribeURL").asText();

            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(unsubscribeUrl)).GET().build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(sns.listSubscriptionsByTopic(r -> r.topicArn(topicArn)).subscriptions()).isEmpty();
        }
    }

    @Test
    void concurrentPublishesAreAllDelivered() throws Exception {
        Queue queue = createQueue("concurrent");
        ExecutorService publishers = Executors.newFixedThreadPool(4);
        try (SnsStandIn standIn = startStandIn(null); SnsClient sns = LocalAwsClients.sns(standIn.endpoint())) {
            String topicArn = sns.createTopic(r -> r.name("concurrent")).topicArn();
            subscribeRaw(sns, topicArn, queue);
            List<Future<String>> published = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String body = "event-" + i;
                published.add(publishers.submit(() -> publish(sns, topicArn, body, "order.confirmed")));
            }
            for (Future<String> messageId : published) {
                assertThat(messageId.get()).isNotBlank();
            }

            assertThat(awaitBodies(queue, 40)).doesNotHaveDuplicates().hasSize(40);
        } finally {
            publishers.shutdownNow();
        }
    }

    @Test
    void fifoTopicDeliversIntoAFifoQueueWithTheMessageGroup() {
        String name = "fifo-" + UUID.randomUUID().toString().substring(0, 8) + ".fifo";
        String queueUrl = sqs.createQueue(r -> r.queueName(name).attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true")))
                .queueUrl();
        Queue queue = new Queue(queueUrl, arnOf(queueUrl));
        try (SnsStandIn standIn = startStandIn(null); SnsClient sns = LocalAwsClients.sns(standIn.endpoint())) {
            String topicArn = sns.createTopic(r -> r.name("orders.fifo")
                    .attributes(Map.of("FifoTopic", "true", "ContentBasedDeduplication", "true"))).topicArn();
            subscribeRaw(sns, topicArn, queue);

            sns.publish(r -> r.topicArn(topicArn).message("first").messageGroupId("order-1"));
            sns.publish(r -> r.topicArn(topicArn).message("second").messageGroupId("order-1"));

            List<Message> messages = awaitMessages(queue, 2);
            assertThat(messages).extracting(Message::body).containsExactly("first", "second");
            assertThat(messages.get(0).attributes()).containsEntry(MessageSystemAttributeName.MESSAGE_GROUP_ID, "order-1");
        }
    }

    // ---- helpers

    private record Queue(String url, String arn) {
    }

    private SnsStandIn startStandIn(Path stateFile) {
        SnsStandIn standIn = new SnsStandIn(
                new SnsStandInSettings("127.0.0.1", 0, "us-east-1", ElasticMqForTests.ACCOUNT_ID, stateFile), sqs);
        standIn.start();
        return standIn;
    }

    private Queue createQueue(String prefix) {
        String url = sqs.createQueue(r -> r.queueName(prefix + "-" + UUID.randomUUID().toString().substring(0, 8))).queueUrl();
        return new Queue(url, arnOf(url));
    }

    private String arnOf(String queueUrl) {
        return sqs.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }

    private static void subscribeRaw(SnsClient sns, String topicArn, Queue queue) {
        sns.subscribe(r -> r.topicArn(topicArn).protocol("sqs").endpoint(queue.arn())
                .attributes(Map.of("RawMessageDelivery", "true")));
    }

    private static String publish(SnsClient sns, String topicArn, String body, String type) {
        return sns.publish(r -> r.topicArn(topicArn).message(body).messageAttributes(Map.of("type",
                MessageAttributeValue.builder().dataType("String").stringValue(type).build()))).messageId();
    }

    private List<String> awaitBodies(Queue queue, int count) {
        return awaitMessages(queue, count).stream().map(Message::body).toList();
    }

    private List<Message> awaitMessages(Queue queue, int count) {
        List<Message> received = new CopyOnWriteArrayList<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            received.addAll(sqs.receiveMessage(r -> r.queueUrl(queue.url()).maxNumberOfMessages(10).waitTimeSeconds(1)
                    .messageSystemAttributeNames(MessageSystemAttributeName.MESSAGE_GROUP_ID)).messages());
            return received.size() >= count;
        });
        assertThat(received).hasSize(count);
        return new ArrayList<>(received);
    }

    private static ListAppender<ILoggingEvent> captureLogsOf(Class<?> type) {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        ((Logger) LoggerFactory.getLogger(type)).addAppender(appender);
        return appender;
    }
}
