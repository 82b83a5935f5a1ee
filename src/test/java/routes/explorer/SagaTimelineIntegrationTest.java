package routes.explorer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import routes.inbox.InboxRepository;
import routes.outbox.CloudEventMapper;
import routes.outbox.OutboxEvent;
import routes.outbox.OutboxItems;
import routes.support.EmbeddedAwsTest;
import routes.support.FreshStock;
import routes.support.StoredState;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/** {@code GET /api/sagas/{orderId}} on the real routes: what each kind of order leaves on its timeline. */
@EmbeddedAwsTest
class SagaTimelineIntegrationTest {

    @Autowired TestRestTemplate http;
    @Autowired DynamoDbClient dynamoDb;
    @Autowired SqsClient sqs;
    @Autowired CloudEventMapper mapper;

    String sku;

    @BeforeEach
    void freshSku() {
        sku = FreshStock.sku(http, "X", 100, "2.50");
    }

    @Test
    void aConfirmedOrdersTimelineShowsItsStepsEventsWithRelayLagTheirConsumptionAndTheNotice() {
        String orderId = place("tok_ok", "CONFIRMED");

        JsonNode saga = awaitTimeline(orderId, timeline -> notices(timeline).size() == 1
                && ofKind(timeline, "event-consumed").size() == 5 && published(timeline).stream()
                .allMatch(event -> event.get("detail").get("published").asBoolean()));

        assertThat(saga.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(saga.has("reason")).isFalse();
        assertThat(ofKind(saga, "step")).extracting(step -> step.get("name").asText())
                .containsExactly("order-create", "inventory-reserve", "payment-capture", "order-confirm");
        assertThat(ofKind(saga, "step")).allSatisfy(step -> assertThat(step.get("detail").get("status").asText()).isEqualTo("DONE"));
        assertThat(published(saga)).extracting(event -> event.get("name").asText())
                .containsExactly("order.created", "inventory.reserved", "payment.captured", "order.confirmed");
        assertThat(published(saga)).allSatisfy(event -> {
            assertThat(event.get("detail").get("eventId").asText()).isNotBlank();
            assertThat(event.get("detail").get("relayLagMs").isIntegralNumber()).isTrue();
            assertThat(event.get("detail").get("relayLagMs").asLong()).isBetween(0L, 60_000L);
        });
        // order-view takes all four events, notification the confirmation. The relay may deliver a
        // saga's events out of order: order-view then skips an older one its view already covers.
        assertThat(ofKind(saga, "event-consumed"))
                .extracting(e -> e.get("detail").get("consumer").asText() + ":" + e.get("name").asText())
                .containsExactlyInAnyOrder("order-view:order.created", "order-view:inventory.reserved",
                        "order-view:payment.captured", "order-view:order.confirmed", "notification:order.confirmed");
        assertThat(ofKind(saga, "event-consumed")).allSatisfy(e -> assertThat(e.get("detail").get("outcome").asText())
                .isIn("applied", "skipped as stale"));
        assertThat(consumed(saga, "applied")).extracting(e -> e.get("detail").get("consumer").asText() + ":" + e.get("name").asText())
                .contains("order-view:order.confirmed", "notification:order.confirmed");
        assertThat(notices(saga)).singleElement().satisfies(notice -> {
            assertThat(notice.get("name").asText()).isEqualTo("confirmation");
            assertThat(notice.get("detail").get("text").asText()).contains(orderId);
        });
        assertOldestFirst(saga);
        // Nothing exceptional happened: the journal wrote nothing.
        assertThat(ofKind(saga, "retry")).isEmpty();
        assertThat(ofKind(saga, "dead-letter")).isEmpty();
    }

    @Test
    void aDeclinedOrdersTimelineShowsTheCompensationsAndTheCancellationNotice() {
        String orderId = place("tok_declined", "CANCELLED");

        JsonNode saga = awaitTimeline(orderId, timeline -> notices(timeline).size() == 1);

        assertThat(saga.get("reason").asText()).isEqualTo("PAYMENT_DECLINED");
        assertThat(ofKind(saga, "compensation")).extracting(step -> step.get("name").asText())
                .containsSubsequence("payment-refund", "inventory-release", "order-cancel");
        assertThat(ofKind(saga, "step")).filteredOn(step -> step.get("name").asText().equals("failure"))
                .singleElement().satisfies(failure -> {
                    assertThat(failure.get("detail").get("status").asText()).isEqualTo("FAILED");
                    assertThat(failure.get("detail").get("reason").asText()).isEqualTo("PAYMENT_DECLINED");
                });
        assertThat(published(saga)).extracting(event -> event.get("name").asText()).contains("payment.declined", "order.cancelled");
        assertThat(notices(saga)).singleElement().satisfies(notice -> {
            assertThat(notice.get("name").asText()).isEqualTo("cancellation");
            assertThat(notice.get("detail").get("text").asText()).contains("PAYMENT_DECLINED");
        });
        assertOldestFirst(saga);
    }

    @Test
    void aFlakyOrdersTimelineShowsThePaymentRetriesWithTheirAttemptAndError() {
        String orderId = place("tok_flaky", "CONFIRMED");

        JsonNode saga = timeline(orderId).getBody();

        assertThat(ofKind(saga, "retry")).allSatisfy(retry -> {
            assertThat(retry.get("name").asText()).isEqualTo("payment-capture");
            assertThat(retry.get("detail").get("error").asText()).isNotBlank();
        }).extracting(retry -> retry.get("detail").get("attempt").asInt()).containsExactly(1, 2);
        // Both retries come before the capture that succeeded.
        List<String> order = new ArrayList<>();
        saga.get("timeline").forEach(item -> order.add(item.get("kind").asText() + ":" + item.get("name").asText()));
        assertThat(order).containsSubsequence("step:inventory-reserve", "retry:payment-capture", "retry:payment-capture",
                "step:payment-capture", "step:order-confirm");
    }

    @Test
    void theSameEventDeliveredAgainShowsAsADuplicateDroppedByThatConsumer() {
        String orderId = place("tok_ok", "CONFIRMED");
        OutboxEvent confirmed = event(orderId, "order.confirmed");
        awaitTimeline(orderId, timeline -> consumed(timeline, "applied").stream()
                .anyMatch(e -> e.get("detail").get("consumer").asText().equals("notification")));

        deliver("notification", confirmed);

        JsonNode saga = awaitTimeline(orderId, timeline -> !consumed(timeline, "duplicate dropped").isEmpty());
        assertThat(consumed(saga, "duplicate dropped")).singleElement().satisfies(duplicate -> {
            assertThat(duplicate.get("name").asText()).isEqualTo("order.confirmed");
            assertThat(duplicate.get("detail").get("consumer").asText()).isEqualTo("notification");
            assertThat(duplicate.get("detail").get("eventId").asText()).isEqualTo(confirmed.eventId());
        });
        assertThat(notices(saga)).hasSize(1);
    }

    @Test
    void aMessageHeldByAnotherDeliverysClaimShowsAsDeferredAndIsCounted(@Autowired InboxRepository inbox,
            @Autowired MeterRegistry meters) {
        String orderId = place("tok_ok", "CONFIRMED");
        OutboxEvent confirmed = event(orderId, "order.confirmed");
        // The same event under a new id, claimed by a delivery that has not finished (it holds for the lease).
        OutboxEvent again = new OutboxEvent(UUID.randomUUID().toString(), confirmed.type(), confirmed.aggregateType(),
                orderId, confirmed.aggregateVersion(), confirmed.correlationId(), confirmed.causationId(),
                confirmed.occurredAt(), confirmed.data());
        assertThat(inbox.claim("notification#" + again.eventId())).isNotNull();
        double deferralsBefore = meters.counter("inbox.deferrals", "consumer", "notification").count();

        deliver("notification", again);

        JsonNode saga = awaitTimeline(orderId, timeline -> !consumed(timeline, "deferred").isEmpty());
        assertThat(consumed(saga, "deferred")).first().satisfies(deferred -> {
            assertThat(deferred.get("detail").get("consumer").asText()).isEqualTo("notification");
            assertThat(deferred.get("detail").get("eventId").asText()).isEqualTo(again.eventId());
        });
        assertThat(meters.counter("inbox.deferrals", "consumer", "notification").count()).isGreaterThan(deferralsBefore);
    }

    @Test
    void aMessageThatFailsPermanentlyShowsAsADeadLetterWithItsConsumerAndReason() {
        String orderId = place("tok_ok", "CONFIRMED");
        // The notification consumer reads confirmations and cancellations only: a creation is unsupported there.
        OutboxEvent created = event(orderId, "order.created");

        deliver("notification", created);

        JsonNode saga = awaitTimeline(orderId, timeline -> !ofKind(timeline, "dead-letter").isEmpty());
        assertThat(ofKind(saga, "dead-letter")).singleElement().satisfies(deadLetter -> {
            assertThat(deadLetter.get("name").asText()).isEqualTo("order.created");
            assertThat(deadLetter.get("detail").get("consumer").asText()).isEqualTo("notification");
            assertThat(deadLetter.get("detail").get("eventId").asText()).isEqualTo(created.eventId());
            assertThat(deadLetter.get("detail").get("reason").asText()).contains("order.created");
        });
        removeFromDeadLetterQueue("notification-dlq", created.eventId());
    }

    @Test
    void replayingOneDeadLetteredEventMovesOnlyItsMessageBackToTheConsumer() {
        String orderId = place("tok_ok", "CONFIRMED");
        OutboxEvent created = event(orderId, "order.created");
        String poison = "not json " + UUID.randomUUID();
        deliverRaw("notification", poison);
        deliver("notification", created);
        awaitTimeline(orderId, timeline -> ofKind(timeline, "dead-letter").size() == 1);

        ResponseEntity<JsonNode> replay = http.postForEntity("/api/dlq/notification/replay?eventId={id}", null,
                JsonNode.class, created.eventId());

        assertThat(replay.getStatusCode().value()).isEqualTo(200);
        assertThat(replay.getBody().get("replayed").asInt()).isEqualTo(1);
        assertThat(replay.getBody().get("eventId").asText()).isEqualTo(created.eventId());
        // Still unsupported there: back in the dead-letter queue, a second time on the timeline.
        awaitTimeline(orderId, timeline -> ofKind(timeline, "dead-letter").size() == 2);
        // The other dead letter was left where it was.
        removeFromDeadLetterQueue("notification-dlq", poison);
        removeFromDeadLetterQueue("notification-dlq", created.eventId());
    }

    @Test
    void replayingAnEventWithNoDeadLetterIsANotFoundProblemAndABadEventIdABadRequest() {
        ResponseEntity<JsonNode> none = http.postForEntity("/api/dlq/notification/replay?eventId={id}", null,
                JsonNode.class, UUID.randomUUID().toString());
        ResponseEntity<JsonNode> bad = http.postForEntity("/api/dlq/notification/replay?eventId={id}", null,
                JsonNode.class, "no such id!");

        assertThat(none.getStatusCode().value()).isEqualTo(404);
        assertThat(none.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getBody().get("field").asText()).isEqualTo("eventId");
    }

    @Test
    void anUnknownOrderIsANotFoundProblem() {
        ResponseEntity<JsonNode> answer = timeline("no-such-order-" + UUID.randomUUID());

        assertThat(answer.getStatusCode().value()).isEqualTo(404);
        assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(answer.getBody().get("detail").asText()).startsWith("No saga for order no-such-order-");
    }

    @Test
    void anInvalidOrderIdIsABadRequestNamingTheField() {
        ResponseEntity<JsonNode> answer = timeline("bad id!");

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(answer.getBody().get("field").asText()).isEqualTo("orderId");
    }

    private String place(String token, String expectedStatus) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("Prefer", "wait=10");
        String body = "{\"customerId\":\"customer-1\",\"items\":[{\"sku\":\"" + sku + "\",\"quantity\":1}],"
                + "\"paymentToken\":\"" + token + "\"}";
        JsonNode order = http.postForEntity("/api/orders", new HttpEntity<>(body, headers), JsonNode.class).getBody();
        assertThat(order.get("status").asText()).isEqualTo(expectedStatus);
        return order.get("orderId").asText();
    }

    private ResponseEntity<JsonNode> timeline(String orderId) {
        return http.getForEntity("/api/sagas/{id}", JsonNode.class, orderId);
    }

    private JsonNode awaitTimeline(String orderId, java.util.function.Predicate<JsonNode> complete) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> timeline(orderId).getBody(), complete);
    }

    private OutboxEvent event(String orderId, String type) {
        return new StoredState(dynamoDb).outbox(orderId).stream().map(OutboxItems::fromItem)
                .filter(event -> event.type().equals(type)).findFirst().orElseThrow();
    }

    private void deliver(String queue, OutboxEvent event) {
        String url = sqs.getQueueUrl(b -> b.queueName(queue)).queueUrl();
        sqs.sendMessage(b -> b.queueUrl(url).messageBody(mapper.toJson(event)).messageAttributes(Map.of("type",
                MessageAttributeValue.builder().dataType("String").stringValue(event.type()).build())));
    }

    private void deliverRaw(String queue, String body) {
        String url = sqs.getQueueUrl(b -> b.queueName(queue)).queueUrl();
        sqs.sendMessage(b -> b.queueUrl(url).messageBody(body));
    }

    // Leaves the shared dead-letter queue as the other tests expect it.
    private void removeFromDeadLetterQueue(String queue, String eventId) {
        String url = sqs.getQueueUrl(b -> b.queueName(queue)).queueUrl();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            for (Message message : sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).visibilityTimeout(0)).messages()) {
                if (message.body().contains(eventId)) {
                    sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(message.receiptHandle()));
                    return true;
                }
            }
            return false;
        });
    }

    static List<JsonNode> ofKind(JsonNode saga, String kind) {
        List<JsonNode> items = new ArrayList<>();
        saga.get("timeline").forEach(item -> {
            if (item.get("kind").asText().equals(kind)) {
                items.add(item);
            }
        });
        return items;
    }

    static List<JsonNode> published(JsonNode saga) {
        return ofKind(saga, "event-published");
    }

    static List<JsonNode> notices(JsonNode saga) {
        return ofKind(saga, "notice");
    }

    static List<JsonNode> consumed(JsonNode saga, String outcome) {
        return ofKind(saga, "event-consumed").stream()
                .filter(item -> item.get("detail").get("outcome").asText().equals(outcome)).toList();
    }

    static void assertOldestFirst(JsonNode saga) {
        List<Instant> times = new ArrayList<>();
        saga.get("timeline").forEach(item -> times.add(Instant.parse(item.get("at").asText())));
        assertThat(times).isSorted();
    }
}
