package routes.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import routes.support.ApplicationProcess;
import routes.support.StoredState;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * kill -9 in the middle of sagas, then a restart on the same data: the in-process saga service has
 * forgotten them, the recovery route resumes them and they complete, stock and money add up, and
 * every event they committed, before or after the crash, reaches a queue subscribed to order-events.
 */
class CrashRecoveryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SKU = "CRASH-1";
    private static final int STOCK = 50;
    private static final String TEST_QUEUE = "crash-test-events";

    @TempDir Path dir;

    @Test
    void everySagaInterruptedByKillIsResumedAndConfirmedWithStockAndPaymentsConsistent() throws Exception {
        ApplicationProcess.Ports ports = ApplicationProcess.Ports.free();
        String[] settings = {"--app.local.data-dir=" + dir.resolve("data"), "--app.saga.timeout=12s",
                "--app.saga.recovery-grace=2s", "--app.saga.recovery-interval=1s",
                // A slow provider keeps sagas in flight when the JVM dies, even on a busy machine
                // (the kill lands within seconds of the fourth reservation).
                "--app.payment.latency=5000ms"};
        List<String> orderIds = new ArrayList<>();
        try (ApplicationProcess app = ApplicationProcess.start(ports, dir.resolve("run-1.log"), settings)) {
            subscribeTestQueue(ports);
            assertThat(app.send("PUT", "/api/inventory/" + SKU, "{\"available\":" + STOCK + ",\"price\":1.00}")
                    .statusCode()).isEqualTo(200);
            for (int i = 1; i <= 8; i++) {
                var placed = app.send("POST", "/api/orders", OrderSagaIntegrationTest.order(null, SKU, i, "tok_ok"));
                assertThat(placed.statusCode()).isEqualTo(202);
                orderIds.add(JSON.readTree(placed.body()).get("orderId").asText());
            }
            // Kill while sagas sit in the slow provider call, after their stock was reserved.
            await().atMost(Duration.ofSeconds(20)).until(() -> reservedCount(app, orderIds) >= 4);
            app.kill();
        }

        try (ApplicationProcess app = ApplicationProcess.start(ports, dir.resolve("run-2.log"), settings);
                DynamoDbClient dynamoDb = dynamoDb(ports);
                SqsClient sqs = client(SqsClient.builder(), ports.sqs())) {
            List<JsonNode> orders = await().atMost(Duration.ofSeconds(90)).ignoreExceptions()
                    .until(() -> orders(app, orderIds), all -> all.stream().noneMatch(o -> "PENDING".equals(o.get("status").asText())));

            StoredState stored = new StoredState(dynamoDb);
            long confirmedUnits = 0;
            for (JsonNode order : orders) {
                String orderId = order.get("orderId").asText();
                BigDecimal total = order.get("total").decimalValue();
                StoredState.Money payment = stored.payment(orderId);
                StoredState.Money provider = stored.providerLedger(orderId);
                if ("CONFIRMED".equals(order.get("status").asText())) {
                    confirmedUnits += order.get("items").get(0).get("quantity").asLong();
                    assertThat(payment.held()).as("money held by confirmed %s", orderId).isEqualByComparingTo(total);
                    assertThat(provider.held()).isEqualByComparingTo(total);
                } else {
                    assertThat(order.get("status").asText()).isEqualTo("CANCELLED");
                    if (provider != null) {
                        assertThat(provider.held()).as("money held by cancelled %s", orderId).isEqualByComparingTo("0");
                    }
                    if (payment != null) {
                        assertThat(payment.held()).isEqualByComparingTo("0");
                    }
                }
            }
            assertThat(stored.stock(SKU)).isEqualTo(new StoredState.Stock(STOCK - confirmedUnits, confirmedUnits));
            // Every saga the kill interrupted could still complete: recovery resumed it instead of cancelling it.
            assertThat(orders).allSatisfy(o -> assertThat(o.get("status").asText()).as(o.get("orderId").asText())
                    .isEqualTo("CONFIRMED"));

            // Every event committed for these orders, before the kill or after, is published at least once.
            List<String> committed = orderIds.stream().flatMap(id -> stored.outbox(id).stream())
                    .map(item -> item.get("eventId").s()).toList();
            String queueUrl = sqs.getQueueUrl(b -> b.queueName(TEST_QUEUE)).queueUrl();
            Set<String> published = new HashSet<>();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                for (Message message : sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
                        .waitTimeSeconds(1)).messages()) {
                    published.add(JSON.readTree(message.body()).get("id").asText());
                    sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
                }
                assertThat(published).containsAll(committed);
            });
        }
    }

    /** A queue of the test's own on order-events, raw delivery; kept across the restart like everything else. */
    private static void subscribeTestQueue(ApplicationProcess.Ports ports) {
        try (SqsClient sqs = client(SqsClient.builder(), ports.sqs()); SnsClient sns = client(SnsClient.builder(), ports.sns())) {
            String queueUrl = sqs.createQueue(b -> b.queueName(TEST_QUEUE)).queueUrl();
            String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes().get(QueueAttributeName.QUEUE_ARN);
            String topicArn = sns.createTopic(b -> b.name("order-events")).topicArn();
            sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(queueArn)
                    .attributes(Map.of("RawMessageDelivery", "true")));
        }
    }

    private static <B extends AwsClientBuilder<B, C>, C> C client(B builder, int port) {
        return builder.region(Region.US_EAST_1)
                .endpointOverride(URI.create("http://127.0.0.1:" + port))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
    }

    private static long reservedCount(ApplicationProcess app, List<String> orderIds) throws Exception {
        return orders(app, orderIds).stream()
                .filter(o -> o.get("steps").toString().contains("inventory-reserve"))
                .count();
    }

    private static List<JsonNode> orders(ApplicationProcess app, List<String> orderIds) throws Exception {
        List<JsonNode> orders = new ArrayList<>();
        for (String orderId : orderIds) {
            orders.add(JSON.readTree(app.get("/api/orders/" + orderId).body()));
        }
        return orders;
    }

    private static DynamoDbClient dynamoDb(ApplicationProcess.Ports ports) {
        return client(DynamoDbClient.builder(), ports.dynamodb());
    }
}
