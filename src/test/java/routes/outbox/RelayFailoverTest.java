package routes.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import routes.support.ApplicationProcess;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Two instances on shared emulators and one cluster directory: only the leader relays; when it is
 * killed, the other takes the relay over within a bounded time and nothing committed is lost.
 */
class RelayFailoverTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;

    @Test
    void whenTheLeaderIsKilledTheOtherInstanceTakesTheRelayOverAndPublishesEverything() throws Exception {
        ApplicationProcess.Ports shared = ApplicationProcess.Ports.free();
        String[] settings = concat(ApplicationProcess.endpointMode(shared),
                "--app.outbox.sweep-interval=1s", "--app.outbox.sweep-min-age=1s");
        try (ApplicationProcess emulators = ApplicationProcess.startEmulators(shared, dir.resolve("emulators.log"));
                ApplicationProcess first = ApplicationProcess.start(ApplicationProcess.Ports.free(), dir.resolve("first.log"), settings)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.readString(dir.resolve("first.log")).contains("Leadership taken"));
            try (ApplicationProcess second = ApplicationProcess.start(ApplicationProcess.Ports.free(), dir.resolve("second.log"), settings);
                    SqsClient sqs = client(SqsClient.builder(), shared.sqs());
                    SnsClient sns = client(SnsClient.builder(), shared.sns())) {
                String queueUrl = subscribeTestQueue(sqs, sns);
                assertThat(Files.readString(dir.resolve("second.log"))).as("a follower does not relay").doesNotContain("Leadership taken");

                // Endpoint mode seeds no catalog.
                assertThat(second.send("PUT", "/api/inventory/SKU-1", "{\"available\":10,\"price\":1.00}").statusCode())
                        .isEqualTo(200);
                first.kill();
                long killedAt = System.nanoTime();
                var placed = second.send("POST", "/api/orders", "{\"orderId\":\"failover-1\",\"customerId\":\"c\","
                        + "\"items\":[{\"sku\":\"SKU-1\",\"quantity\":1}],\"paymentToken\":\"tok_ok\"}");
                assertThat(placed.statusCode()).isEqualTo(202);

                List<String> types = new ArrayList<>();
                await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> {
                    for (Message message : sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
                            .waitTimeSeconds(1)).messages()) {
                        var event = JSON.readTree(message.body());
                        if ("failover-1".equals(event.get("subject").asText())) {
                            types.add(event.get("type").asText());
                        }
                        sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
                    }
                    assertThat(types).contains("order.created", "inventory.reserved", "payment.captured", "order.confirmed");
                });
                Duration takeover = Duration.ofNanos(System.nanoTime() - killedAt);
                assertThat(Files.readString(dir.resolve("second.log"))).contains("Leadership taken");
                assertThat(takeover).as("relay taken over and caught up").isLessThan(Duration.ofSeconds(30));
            }
        }
    }

    private static String subscribeTestQueue(SqsClient sqs, SnsClient sns) {
        String queueUrl = sqs.createQueue(b -> b.queueName("failover-test")).queueUrl();
        String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        String topicArn = sns.createTopic(b -> b.name("order-events")).topicArn();
        sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(queueArn)
                .attributes(Map.of("RawMessageDelivery", "true")));
        return queueUrl;
    }

    private static String[] concat(String[] first, String... more) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private static <B extends AwsClientBuilder<B, C>, C> C client(B builder, int port) {
        return builder.region(Region.US_EAST_1).endpointOverride(URI.create("http://127.0.0.1:" + port))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
    }
}
