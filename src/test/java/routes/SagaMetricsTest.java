package routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import routes.order.OrderEvents;
import routes.ordersaga.Order;
import routes.ordersaga.OrderLine;
import routes.ordersaga.OrderLog;
import routes.ordersaga.OrderStatus;
import routes.support.EmbeddedAwsTest;
import routes.support.FreshStock;
import routes.support.PrometheusScrape;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The saga and dead-letter meters as Prometheus scrapes them over HTTP. The context is shared with
 * other test classes, so every count is compared before and after this test's own orders.
 */
@EmbeddedAwsTest
class SagaMetricsTest {

    @Autowired TestRestTemplate http;
    @Autowired OrderLog orders;
    @Autowired SqsClient sqs;

    String sku;

    @BeforeEach
    void freshSku() {
        sku = FreshStock.sku(http, "M", 100, "2.50");
    }

    @Test
    void confirmedDeclinedAndFlakyOrdersShowAsSagaCountersAndTimers() {
        PrometheusScrape before = scrape();

        assertThat(place("tok_ok")).isEqualTo("CONFIRMED");
        assertThat(place("tok_declined")).isEqualTo("CANCELLED");
        assertThat(place("tok_flaky")).isEqualTo("CONFIRMED");
        // The same request again finds its order: no second saga.
        String orderId = "metrics-dup-" + UUID.randomUUID();
        assertThat(place(orderId, "tok_ok")).isEqualTo("CONFIRMED");
        assertThat(place(orderId, "tok_ok")).isEqualTo("CONFIRMED");

        // A saga's last step settles the waiting request; its step timer is recorded just after.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            PrometheusScrape after = scrape();
            assertThat(delta(before, after, "saga_started_total")).as("saga_started_total").isEqualTo(4);
            assertThat(delta(before, after, "saga_completed_total")).as("saga_completed_total").isEqualTo(3);
            assertThat(delta(before, after, "saga_compensated_total", "reason", "PAYMENT_DECLINED")).as("saga_compensated_total reason PAYMENT_DECLINED").isEqualTo(1);
            assertThat(delta(before, after, "saga_duration_seconds_count", "outcome", "confirmed")).as("saga_duration_seconds_count outcome confirmed").isEqualTo(3);
            assertThat(delta(before, after, "saga_duration_seconds_count", "outcome", "cancelled")).as("saga_duration_seconds_count outcome cancelled").isEqualTo(1);
            for (String quantile : List.of("0.5", "0.95", "0.99")) {
                assertThat(after.has("saga_duration_seconds", "outcome", "confirmed", "quantile", quantile)).isTrue();
                assertThat(after.has("saga_step_duration_seconds", "step", "payment-capture", "outcome", "done",
                        "quantile", quantile)).isTrue();
            }
            assertThat(after.value("saga_duration_seconds", "outcome", "confirmed", "quantile", "0.99")).isPositive();

            // Every step and compensation the sagas ran, by outcome; the declined capture failed.
            // The duplicate request ran order-create too: it found the id taken, and began no saga.
            assertThat(stepCount(before, after, "order-create", "done")).as("step order-create done").isEqualTo(5);
            assertThat(stepCount(before, after, "inventory-reserve", "done")).as("step inventory-reserve done").isEqualTo(4);
            assertThat(stepCount(before, after, "payment-capture", "done")).as("step payment-capture done").isEqualTo(3);
            assertThat(stepCount(before, after, "payment-capture", "failed")).as("step payment-capture failed").isEqualTo(1);
            assertThat(stepCount(before, after, "order-confirm", "done")).as("step order-confirm done").isEqualTo(3);
            assertThat(stepCount(before, after, "payment-refund", "done")).as("step payment-refund done").isEqualTo(1);
            assertThat(stepCount(before, after, "inventory-release", "done")).as("step inventory-release done").isEqualTo(1);
            assertThat(stepCount(before, after, "order-cancel", "done")).as("step order-cancel done").isEqualTo(1);
            // The flaky capture's two retries (200 ms, then 400 ms, with jitter) are inside its step's time.
            assertThat(after.value("saga_step_duration_seconds_max", "step", "payment-capture", "outcome", "done"))
                    .isGreaterThan(0.3);
        });
    }

    @Test
    void recoveryCountsTheLostSagasItRollsForwardAndThoseItCompensates() {
        PrometheusScrape before = scrape();
        // Lost sagas: PENDING rows no saga runs, quiet past the saga timeout and grace; the old one past its resume deadline.
        String resumed = lostOrder(Instant.now().minusSeconds(20));
        String compensated = lostOrder(Instant.now().minus(Duration.ofMinutes(10)));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(orders.find(resumed).orElseThrow().status()).isEqualTo(OrderStatus.CONFIRMED);
            assertThat(orders.find(compensated).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
            PrometheusScrape after = scrape();
            assertThat(delta(before, after, "saga_recoveries_total", "outcome", "rolled-forward")).as("saga_recoveries_total outcome rolled-forward").isEqualTo(1);
            assertThat(delta(before, after, "saga_recoveries_total", "outcome", "compensated")).as("saga_recoveries_total outcome compensated").isEqualTo(1);
            assertThat(delta(before, after, "saga_compensated_total", "reason", "TIMEOUT")).as("saga_compensated_total reason TIMEOUT").isEqualTo(1);
            assertThat(stepCount(before, after, "order-confirm", "done")).as("step order-confirm done").isEqualTo(1);
            assertThat(stepCount(before, after, "order-cancel", "done")).as("step order-cancel done").isEqualTo(1);
            // A resumed saga is not a new one.
            assertThat(delta(before, after, "saga_started_total")).as("saga_started_total").isZero();
        });
    }

    @Test
    void deadLetterGaugesShowEachConsumersQueueDepthAndOldestMessageAfterThePoll() {
        String dlqUrl = sqs.getQueueUrl(b -> b.queueName("notification-dlq")).queueUrl();
        long depthBefore = depth(dlqUrl);
        assertThat(scrape().has("inbox_dead_letters", "consumer", "order-view")).isTrue();

        String queueUrl = sqs.getQueueUrl(b -> b.queueName("notification")).queueUrl();
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody("not a CloudEvent"));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(depth(dlqUrl)).isEqualTo(depthBefore + 1);
            PrometheusScrape after = scrape();
            assertThat(after.value("inbox_dead_letters", "consumer", "notification")).isEqualTo(depthBefore + 1);
            assertThat(after.value("inbox_dead_letters_oldest_age_seconds", "consumer", "notification"))
                    .isGreaterThanOrEqualTo(0).isLessThan(depthBefore == 0 ? 60 : Double.MAX_VALUE);
        });
    }

    private String lostOrder(Instant placedAt) {
        String orderId = "lost-" + UUID.randomUUID();
        Order order = Order.placed(orderId, "customer-1", List.of(new OrderLine(sku, 1, new BigDecimal("2.50"))),
                "tok_ok", "request-hash-" + orderId, placedAt);
        assertThat(orders.create(order, OrderEvents.CREATED, OrderEvents.created(order), "saga-lost-with-its-jvm")).isTrue();
        return orderId;
    }

    private long depth(String queueUrl) {
        return Long.parseLong(sqs.getQueueAttributes(b -> b.queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
                .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
    }

    private String place(String token) {
        return place(null, token);
    }

    private String place(String orderId, String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("Prefer", "wait=10");
        String body = "{" + (orderId == null ? "" : "\"orderId\":\"" + orderId + "\",")
                + "\"customerId\":\"customer-1\",\"items\":[{\"sku\":\"" + sku + "\",\"quantity\":1}],\"paymentToken\":\""
                + token + "\"}";
        ResponseEntity<JsonNode> placed = http.postForEntity("/api/orders", new HttpEntity<>(body, headers), JsonNode.class);
        assertThat(placed.getStatusCode()).isEqualTo(HttpStatus.OK);
        return placed.getBody().get("status").asText();
    }

    private PrometheusScrape scrape() {
        ResponseEntity<String> answer = http.getForEntity("/actuator/prometheus", String.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return new PrometheusScrape(answer.getBody());
    }

    private static double stepCount(PrometheusScrape before, PrometheusScrape after, String step, String outcome) {
        return delta(before, after, "saga_step_duration_seconds_count", "step", step, "outcome", outcome);
    }

    private static double delta(PrometheusScrape before, PrometheusScrape after, String name, String... labels) {
        return after.value(name, labels) - before.value(name, labels);
    }
}
