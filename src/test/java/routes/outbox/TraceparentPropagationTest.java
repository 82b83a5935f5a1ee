package routes.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.jackson.JsonFormat;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import routes.aws.resources.ResourceNames;
import routes.support.EmbeddedAwsTest;
import routes.support.StoredState;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The request's W3C traceparent, tracing off: kept on the order row and every outbox item, published
 * as the CloudEvent's extension and the SNS attribute, delivered raw as the SQS attribute. An
 * invalid one is dropped at the door.
 */
@EmbeddedAwsTest
class TraceparentPropagationTest {

    @Autowired TestRestTemplate http;
    @Autowired DynamoDbClient dynamoDb;
    @Autowired SnsClient sns;
    @Autowired SqsClient sqs;
    @Autowired ResourceNames names;

    @Test
    void theRequestsTraceparentReachesTheOrderRowEveryOutboxItemTheCloudEventAndTheSqsAttribute() {
        String traceparent = "00-" + hex(16) + "-" + hex(8) + "-01";
        // Only the messages carrying this traceparent as an SNS attribute reach the probe queue.
        String probe = probeQueueFiltered(Map.of(TraceContext.TRACEPARENT, traceparent));
        String orderId = "trace-" + UUID.randomUUID();

        ResponseEntity<JsonNode> placed = place(orderId, traceparent);

        assertThat(placed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(placed.getBody().get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(orderRow(orderId).get(TraceContext.TRACEPARENT).s()).isEqualTo(traceparent);
        List<Map<String, AttributeValue>> outbox = new StoredState(dynamoDb).outbox(orderId);
        assertThat(outbox).hasSize(4).allSatisfy(item -> assertThat(item.get(TraceContext.TRACEPARENT).s())
                .isEqualTo(traceparent));

        List<Message> delivered = awaitMessages(probe, orderId, 4);
        assertThat(delivered).allSatisfy(message -> {
            assertThat(message.messageAttributes().get(TraceContext.TRACEPARENT).stringValue()).isEqualTo(traceparent);
            CloudEvent event = new JsonFormat().deserialize(message.body().getBytes(StandardCharsets.UTF_8));
            assertThat(event.getExtension(TraceContext.TRACEPARENT)).isEqualTo(traceparent);
        });
    }

    @Test
    void anInvalidTraceparentIsIgnoredAndTheOrderGoesThroughWithoutOne() {
        String orderId = "trace-bad-" + UUID.randomUUID();

        ResponseEntity<JsonNode> placed = place(orderId, "00-" + hex(16) + "-" + hex(8) + "-01;<script>");
        ResponseEntity<JsonNode> upperCase = place("trace-upper-" + UUID.randomUUID(),
                ("00-" + hex(16) + "-" + hex(8) + "-01").toUpperCase());
        ResponseEntity<JsonNode> zeroTraceId = place("trace-zero-" + UUID.randomUUID(),
                "00-" + "0".repeat(32) + "-" + hex(8) + "-01");

        assertThat(List.of(placed, upperCase, zeroTraceId)).allSatisfy(response -> {
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(response.getBody().get("status").asText()).isEqualTo("CONFIRMED");
            String id = response.getBody().get("orderId").asText();
            assertThat(orderRow(id)).doesNotContainKey(TraceContext.TRACEPARENT);
            assertThat(new StoredState(dynamoDb).outbox(id)).hasSize(4)
                    .allSatisfy(item -> assertThat(item).doesNotContainKey(TraceContext.TRACEPARENT));
        });
    }

    private ResponseEntity<JsonNode> place(String orderId, String traceparent) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("Prefer", "wait=10");
        headers.set(TraceContext.TRACEPARENT, traceparent);
        return http.exchange("/api/orders", HttpMethod.POST, new HttpEntity<>("{\"orderId\":\"" + orderId
                + "\",\"customerId\":\"c-trace\",\"items\":[{\"sku\":\"SKU-4\",\"quantity\":1}],\"paymentToken\":\"tok_ok\"}",
                headers), JsonNode.class);
    }

    private Map<String, AttributeValue> orderRow(String orderId) {
        return dynamoDb.getItem(b -> b.tableName(names.ordersTable()).consistentRead(true)
                .key(Map.of("orderId", AttributeValue.fromS(orderId)))).item();
    }

    /** A queue of its own, subscribed raw to the topic with a filter policy on the given attributes. */
    private String probeQueueFiltered(Map<String, String> attributes) {
        String queueUrl = sqs.createQueue(b -> b.queueName("trace-probe-" + UUID.randomUUID())).queueUrl();
        String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        String topicArn = sns.createTopic(b -> b.name(names.topic())).topicArn();
        StringBuilder policy = new StringBuilder("{");
        attributes.forEach((name, value) -> policy.append(policy.length() > 1 ? "," : "")
                .append('"').append(name).append("\":[\"").append(value).append("\"]"));
        sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(queueArn)
                .attributes(Map.of("RawMessageDelivery", "true", "FilterPolicy", policy.append('}').toString())));
        return queueUrl;
    }

    private List<Message> awaitMessages(String queueUrl, String orderId, int count) {
        List<Message> received = new ArrayList<>();
        return await().atMost(Duration.ofSeconds(20)).until(() -> {
            received.addAll(sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)
                    .messageAttributeNames("All")).messages());
            return received.stream().filter(m -> m.body().contains(orderId)).toList();
        }, messages -> messages.size() >= count);
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        random[0] |= 1; // never all zeros
        return HexFormat.of().formatHex(random);
    }
}
