package routes.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import routes.aws.resources.ResourceNames;
import routes.outbox.CloudEventMapper;
import routes.outbox.OutboxEvent;
import routes.orderview.OrderSummary;
import routes.orderview.OrderViewStore;
import routes.support.EmbeddedAwsTest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * The SQS consumers on the embedded emulators, fed directly through their queues: exactly-once
 * effects under duplicates, reordering, poison messages, replays and crashed claims.
 */
@EmbeddedAwsTest
class ConsumersIntegrationTest {

    @Autowired SqsClient sqs;
    @Autowired DynamoDbClient dynamoDb;
    @Autowired CloudEventMapper mapper;
    @Autowired OrderViewStore views;
    @Autowired MeterRegistry meters;
    @Autowired TestRestTemplate http;

    final String customerId = "c-" + UUID.randomUUID();

    /** A saga's events as the relay publishes them: each caused by the one before. */
    List<OutboxEvent> saga(String orderId, String... types) {
        List<OutboxEvent> events = new ArrayList<>();
        String cause = null;
        for (int i = 0; i < types.length; i++) {
            String id = UUID.randomUUID().toString();
            events.add(new OutboxEvent(id, types[i], "order", orderId, i + 1, orderId, cause, Instant.now(),
                    "{\"orderId\":\"" + orderId + "\",\"customerId\":\"" + customerId + "\",\"total\":12.50,\"reason\":\"TIMEOUT\"}"));
            cause = id;
        }
        return events;
    }

    void deliver(String queue, OutboxEvent event) {
        String url = sqs.getQueueUrl(b -> b.queueName(queue)).queueUrl();
        sqs.sendMessage(b -> b.queueUrl(url).messageBody(mapper.toJson(event)).messageAttributes(
                Map.of("type", software.amazon.awssdk.services.sqs.model.MessageAttributeValue.builder()
                        .dataType("String").stringValue(event.type()).build())));
    }

    void deliverRaw(String queue, String body) {
        String url = sqs.getQueueUrl(b -> b.queueName(queue)).queueUrl();
        sqs.sendMessage(b -> b.queueUrl(url).messageBody(body));
    }

    List<Map<String, AttributeValue>> notices(String orderId) {
        return dynamoDb.query(b -> b.tableName("notifications").consistentRead(true)
                .keyConditionExpression("orderId = :o")
                .expressionAttributeValues(Map.of(":o", AttributeValue.fromS(orderId)))).items();
    }

    JsonNode deadLetters(String consumer) {
        return http.getForObject("/api/dlq/" + consumer, JsonNode.class);
    }

    @Test
    void everyDeclaredConsumerHasOneRouteReadingItsQueueWithTheSqsConsumerErrorHandling(
            @Autowired List<InboxConsumer> declared, @Autowired ResourceNames names, @Autowired CamelContext camel) {
        assertThat(declared).extracting(InboxConsumer::name).containsExactlyInAnyOrder("notification", "order-view");
        for (InboxConsumer consumer : declared) {
            String queue = names.queueOf(consumer.name());
            assertThat(camel.getRoutes()).as(consumer.name())
                    .filteredOn(route -> route.getEndpoint().getEndpointUri().startsWith("aws2-sqs://" + queue + "?"))
                    .singleElement()
                    .satisfies(route -> assertThat(route.getConfigurationId()).isEqualTo(SqsConsumerRouteConfigurations.SQS_CONSUMER));
        }
    }

    @Test
    void anUnknownConsumersDeadLetterQueueIsANotFoundProblemNamingTheDeclaredConsumers() {
        var answer = http.getForEntity("/api/dlq/nobody", JsonNode.class);

        assertThat(answer.getStatusCode().value()).isEqualTo(404);
        assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(answer.getBody().get("detail").asText())
                .isEqualTo("No consumer named nobody (known: notification, order-view)");
    }

    @Test
    void theSameEventDeliveredFiveTimesSendsOneNotice() {
        String orderId = "dup-" + UUID.randomUUID();
        OutboxEvent confirmed = saga(orderId, "order.confirmed").get(0);
        double duplicatesBefore = duplicates("notification");

        for (int i = 0; i < 5; i++) {
            deliver("notification", confirmed);
        }

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(duplicates("notification") - duplicatesBefore).isGreaterThanOrEqualTo(4));
        assertThat(notices(orderId)).singleElement()
                .satisfies(n -> assertThat(n.get("kind").s()).isEqualTo("confirmation"));
    }

    @Test
    void aSagasEventsReversedShuffledAndDuplicatedEndInItsFinalViewWithoutDeadLetters(@Autowired InboxRepository inbox) {
        // A timed-out order whose payment answered late: captured after the cancellation, then refunded.
        String[] types = {"order.created", "inventory.reserved", "inventory.released", "order.cancelled",
                "payment.captured", "payment.refunded"};
        String reversed = "reversed-" + UUID.randomUUID();
        String shuffled = "shuffled-" + UUID.randomUUID();
        List<OutboxEvent> backwards = saga(reversed, types);
        Collections.reverse(backwards);
        List<OutboxEvent> mixed = saga(shuffled, types);
        Collections.shuffle(mixed, new java.util.Random(7));
        for (List<OutboxEvent> events : List.of(backwards, mixed)) {
            events.forEach(event -> deliver("order-view", event));
            events.forEach(event -> deliver("order-view", event));
        }

        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
            for (String orderId : List.of(reversed, shuffled)) {
                OrderSummary view = views.find(customerId, orderId).orElseThrow();
                assertThat(view.version()).isEqualTo(6);
                assertThat(view.status()).isEqualTo("CANCELLED");
                assertThat(view.total()).isEqualByComparingTo(new BigDecimal("12.50"));
                assertThat(view.lastEventType()).isEqualTo("payment.refunded");
            }
            // Each event processed by the consumer (a dead-lettered one leaves no inbox entry).
            for (OutboxEvent event : backwards) {
                assertThat(inbox.contains("order-view#" + event.eventId())).isTrue();
            }
            for (OutboxEvent event : mixed) {
                assertThat(inbox.contains("order-view#" + event.eventId())).isTrue();
            }
        });
    }

    @Test
    void aBurstOfFourHundredEventsIsInTheViewWithinThirtySecondsOfTheLast() {
        String[] types = {"order.created", "inventory.reserved", "payment.captured", "order.confirmed"};
        List<String> orderIds = new ArrayList<>();
        List<List<OutboxEvent>> sagas = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            orderIds.add("burst-" + i + "-" + UUID.randomUUID());
            sagas.add(new ArrayList<>(saga(orderIds.get(i), types)));
        }
        // Sagas progressing side by side, as the relay publishes their events: each one's in order, interleaved.
        java.util.Random random = new java.util.Random(11);
        List<OutboxEvent> published = new ArrayList<>();
        while (sagas.stream().anyMatch(saga -> !saga.isEmpty())) {
            List<OutboxEvent> saga = sagas.get(random.nextInt(sagas.size()));
            if (!saga.isEmpty()) {
                published.add(saga.remove(0));
            }
        }
        String url = sqs.getQueueUrl(b -> b.queueName("order-view")).queueUrl();
        for (int from = 0; from < published.size(); from += 10) {
            List<SendMessageBatchRequestEntry> batch = new ArrayList<>();
            for (OutboxEvent event : published.subList(from, Math.min(from + 10, published.size()))) {
                batch.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(batch.size()))
                        .messageBody(mapper.toJson(event)).build());
            }
            sqs.sendMessageBatch(b -> b.queueUrl(url).entries(batch));
        }

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> orderIds.stream()
                .allMatch(orderId -> views.find(customerId, orderId).map(v -> v.version() == 4).orElse(false)));
    }

    @Test
    void anOlderVersionArrivingAfterANewerOneIsSkipped() {
        String orderId = "stale-" + UUID.randomUUID();
        List<OutboxEvent> events = saga(orderId, "order.created", "order.cancelled");
        events.forEach(event -> deliver("order-view", event));
        await().atMost(Duration.ofSeconds(20)).until(() -> views.find(customerId, orderId)
                .map(v -> v.version() == 2).orElse(false));
        double staleBefore = meters.counter("inbox.stale", "consumer", "order-view").count();

        // The first event again, under a new event id (a re-publish would carry the same id and be a duplicate).
        OutboxEvent first = events.get(0);
        deliver("order-view", new OutboxEvent(UUID.randomUUID().toString(), first.type(), "order", orderId, 1, orderId,
                null, first.occurredAt(), first.data()));

        await().atMost(Duration.ofSeconds(20)).until(() ->
                meters.counter("inbox.stale", "consumer", "order-view").count() > staleBefore);
        assertThat(views.find(customerId, orderId).orElseThrow().status()).isEqualTo("CANCELLED");
    }

    @Test
    void aPoisonMessageLandsInTheDeadLetterQueueWithItsReason() {
        String marker = UUID.randomUUID().toString();
        deliverRaw("notification", "{\"not\":\"a cloud event\",\"marker\":\"" + marker + "\"}");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(deadLetters("notification").get("sample"))
                .anySatisfy(letter -> {
                    assertThat(letter.get("body").asText()).contains(marker);
                    assertThat(letter.get("reason").asText()).isEqualTo("not a CloudEvent: missing specversion");
                    assertThat(letter.get("exception").asText()).isEqualTo(InvalidEventException.class.getName());
                    assertThat(letter.get("attempts").asInt()).isEqualTo(1);
                }));
    }

    @Test
    void aDeadLetteredEventReplayedTwiceIsAppliedOnce() {
        String orderId = "replayed-" + UUID.randomUUID();
        OutboxEvent cancelled = saga(orderId, "order.created", "order.cancelled").get(1);
        // As the dead-letter channel leaves it, twice (a replay interrupted between send and delete).
        deliver("order-view-dlq", cancelled);
        deliver("order-view-dlq", cancelled);
        double duplicatesBefore = duplicates("order-view");

        assertThat(http.postForObject("/api/dlq/order-view/replay?max=1000", null, JsonNode.class).get("replayed").asInt())
                .isGreaterThanOrEqualTo(2);

        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() -> {
            OrderSummary view = views.find(customerId, orderId).orElseThrow();
            assertThat(view.version()).isEqualTo(2);
            assertThat(view.status()).isEqualTo("CANCELLED");
            assertThat(duplicates("order-view") - duplicatesBefore).isGreaterThanOrEqualTo(1);
            assertThat(view.revision()).isEqualTo(1);
        });
    }

    @Test
    void aMessageClaimedByAConsumerThatDiedIsProcessedOnceAfterTheLease(@Autowired InboxRepository inbox) {
        String orderId = "crashed-" + UUID.randomUUID();
        OutboxEvent cancelled = saga(orderId, "order.cancelled").get(0);
        // A consumer claimed the event, then the JVM died: its claim stays IN_PROGRESS until the lease (3 s) ends,
        // and a copy of the message delivered meanwhile waits for the lease's end, then takes over.
        assertThat(inbox.claim("notification#" + cancelled.eventId())).isNotNull();

        deliver("notification", cancelled);

        await().atMost(Duration.ofSeconds(30)).until(() -> notices(orderId).size() == 1);
        deliver("notification", cancelled);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> notices(orderId).size() == 1);
    }

    @Test
    void twoCopiesOfAnEventProcessedAtTheSameMomentHaveOneEffect() {
        String orderId = "race-" + UUID.randomUUID();
        OutboxEvent created = saga(orderId, "order.created").get(0);

        deliver("order-view", created);
        deliver("order-view", created);

        await().atMost(Duration.ofSeconds(20)).until(() -> views.find(customerId, orderId).isPresent());
        OrderSummary view = views.find(customerId, orderId).orElseThrow();
        assertThat(view.version()).isEqualTo(1);
        assertThat(view.lastEventId()).isEqualTo(created.eventId());
        assertThat(view.revision()).isEqualTo(1);
        assertThat(view.total()).isEqualByComparingTo(new BigDecimal("12.50"));
    }

    private double duplicates(String consumer) {
        return meters.counter("inbox.duplicates", "consumer", consumer).count();
    }
}
