package routes.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import io.cloudevents.jackson.JsonFormat;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import routes.local.LocalEmulators;
import routes.order.OrderEvents;
import routes.ordersaga.Order;
import routes.ordersaga.OrderLine;
import routes.ordersaga.OrderLog;
import routes.ordersaga.OrderStatus;
import routes.saga.StepRecord;
import routes.support.EmbeddedAwsTest;
import routes.support.StoredState;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The relay on the embedded emulators, seen from a test queue subscribed to order-events with raw
 * delivery: what arrives, in what order, and that nothing is lost while the relay or SNS is away.
 */
@EmbeddedAwsTest
class OutboxRelayIntegrationTest {

    static final String TEST_QUEUE = "relay-test";

    @Autowired TestRestTemplate http;
    @Autowired DynamoDbClient dynamoDb;
    @Autowired SnsClient sns;
    @Autowired SqsClient sqs;
    @Autowired OrderLog orders;
    @Autowired CamelContext camel;
    @Autowired LocalEmulators emulators;
    @Autowired MeterRegistry meters;

    final List<Message> received = new CopyOnWriteArrayList<>();
    String queueUrl;

    @BeforeEach
    void subscribeTestQueue() {
        queueUrl = sqs.createQueue(b -> b.queueName(TEST_QUEUE)).queueUrl();
        String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        String topicArn = sns.createTopic(b -> b.name("order-events")).topicArn();
        boolean subscribed = sns.listSubscriptionsByTopic(b -> b.topicArn(topicArn)).subscriptions().stream()
                .anyMatch(s -> s.endpoint().equals(queueArn));
        if (!subscribed) {
            sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(queueArn)
                    .attributes(Map.of("RawMessageDelivery", "true")));
        }
    }

    @Test
    void aSagasEventsArriveAsValidCloudEventsInCommitOrderWithOnlyTheAllowListedAttributes() throws Exception {
        String orderId = "relay-" + UUID.randomUUID();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("Prefer", "wait=10");
        http.exchange("/api/orders", HttpMethod.POST, new HttpEntity<>("{\"orderId\":\"" + orderId
                + "\",\"customerId\":\"c-1\",\"items\":[{\"sku\":\"SKU-3\",\"quantity\":1}],\"paymentToken\":\"tok_ok\"}",
                headers), String.class);

        List<Message> messages = awaitEvents(orderId, 4);

        List<CloudEvent> events = new ArrayList<>();
        for (Message message : messages) {
            events.add(new JsonFormat().deserialize(message.body().getBytes(StandardCharsets.UTF_8)));
            assertThat(message.messageAttributes().keySet())
                    .containsAll(List.of("type", "correlationid", "aggregatetype", "aggregateversion"))
                    .isSubsetOf("type", "correlationid", "causationid", "aggregatetype", "aggregateversion");
        }
        assertThat(events).extracting(CloudEvent::getType)
                .containsExactly("order.created", "inventory.reserved", "payment.captured", "order.confirmed");
        assertThat(events).extracting(e -> e.getExtension("aggregateversion").toString()).containsExactly("1", "2", "3", "4");
        List<Map<String, AttributeValue>> stored = new StoredState(dynamoDb).outbox(orderId);
        assertThat(events).extracting(CloudEvent::getId)
                .containsExactlyElementsOf(stored.stream().map(item -> item.get("eventId").s()).toList());
        assertThat(events).allSatisfy(e -> {
            assertThat(e.getSubject()).isEqualTo(orderId);
            assertThat(e.getExtension("correlationid")).isEqualTo(orderId);
            assertThat(e.getTime()).isNotNull();
        });
    }

    @Test
    void aPublishedItemLeavesThePendingIndexAndGetsItsTtl() {
        String orderId = commitOrders(1).get(0);
        awaitEvents(orderId, 1);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Map<String, AttributeValue> item = new StoredState(dynamoDb).outbox(orderId).get(0);
            assertThat(item).doesNotContainKey("pendingBucket").containsKey("publishedAt");
            long expiresAt = Long.parseLong(item.get("expiresAt").n());
            assertThat(expiresAt).isBetween(Instant.now().plus(Duration.ofHours(23)).getEpochSecond(),
                    Instant.now().plus(Duration.ofHours(25)).getEpochSecond());
        });
        assertThat(meters.get("outbox.relay.lag").timer().count()).isPositive();
        // The published mark is itself a MODIFY on the stream: skipped and counted.
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() ->
                assertThat(meters.get("outbox.records.skipped").tag("event", "MODIFY").counter().count()).isPositive());
    }

    @Test
    void hundredEventsCommittedWhileTheRelayIsStoppedAllArriveAfterItStarts() throws Exception {
        camel.getRouteController().stopRoute(OutboxRelayRoute.RELAY_ROUTE);
        camel.getRouteController().stopRoute("outbox-sweeper");
        List<String> orderIds;
        try {
            orderIds = commitOrders(100);
        } finally {
            camel.getRouteController().startRoute(OutboxRelayRoute.RELAY_ROUTE);
            camel.getRouteController().startRoute("outbox-sweeper");
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            drain();
            assertThat(correlationIds()).containsAll(orderIds);
        });
    }

    @Test
    void eventsCommittedWhileSnsIsDownArriveWhenItIsBack() {
        emulators.stop(LocalEmulators.Emulator.SNS);
        List<String> orderIds;
        try {
            orderIds = commitOrders(20);
            await().atMost(Duration.ofSeconds(10)).until(() -> new StoredState(dynamoDb).outbox(orderIds.get(0))
                    .get(0).containsKey("pendingBucket"));
        } finally {
            emulators.start(LocalEmulators.Emulator.SNS);
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            drain();
            assertThat(correlationIds()).containsAll(orderIds);
        });
    }

    @Test
    void aLostStreamPositionRestartsTheRelayAndTheStreamPathResumes(@Autowired OutboxStreamRecovery recovery) {
        double byStream = meters.counter("outbox.events.published", "path", "stream").count();

        recovery.rollback(null, null, 1,
                software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException.builder().message("trimmed").build());

        // Restarted: the route's consumer is new, and a new event comes through the stream again.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            String orderId = commitOrders(1).get(0);
            await().atMost(Duration.ofSeconds(5)).until(() -> {
                drain();
                return correlationIds().contains(orderId);
            });
            assertThat(meters.counter("outbox.events.published", "path", "stream").count()).isGreaterThan(byStream);
        });
    }

    /** Orders written straight through the saga log, each with its order.created event, no saga run. */
    private List<String> commitOrders(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String orderId = "relay-" + UUID.randomUUID();
            Instant now = Instant.now();
            Order order = Order.placed(orderId, "c-1", List.of(new OrderLine("SKU-1", 1, BigDecimal.ONE)), null, "test", now);
            orders.create(order, OrderEvents.CREATED, OrderEvents.created(order), null);
            ids.add(orderId);
        }
        return ids;
    }

    private List<Message> awaitEvents(String orderId, int count) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            drain();
            return received.stream().filter(m -> correlationOf(m).equals(orderId)).toList();
        }, messages -> messages.size() >= count);
    }

    /**
     * Takes what the queue holds, a bounded number of pages per call: while other tests' lost sagas are
     * compensated the queue never runs dry, and the awaiting condition must still return to be checked.
     */
    private void drain() {
        for (int pages = 0; pages < 20; pages++) {
            List<Message> page = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)
                    .messageAttributeNames("All")).messages();
            received.addAll(page);
            for (Message message : page) {
                sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
            }
            if (page.isEmpty()) {
                return;
            }
        }
    }

    private List<String> correlationIds() {
        return received.stream().map(OutboxRelayIntegrationTest::correlationOf).distinct().toList();
    }

    private static String correlationOf(Message message) {
        var attribute = message.messageAttributes().get("correlationid");
        return attribute == null ? "" : attribute.stringValue();
    }
}
