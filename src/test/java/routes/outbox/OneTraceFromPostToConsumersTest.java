package routes.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
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
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import routes.aws.resources.ResourceNames;
import routes.support.SecuredAndTracedTest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * With tracing on, one trace links the POST that placed an order to the spans of the consumer routes
 * (notification-send, order-view-update) that handled its events, across the outbox, SNS and SQS.
 */
@SecuredAndTracedTest
class OneTraceFromPostToConsumersTest {

    private static final AttributeKey<String> CAMEL_URI = AttributeKey.stringKey("camel.uri");

    @Autowired TestRestTemplate http;
    @Autowired InMemorySpanExporter spans;
    @Autowired ResourceNames names;
    @Autowired DynamoDbClient dynamoDb;

    @Test
    void theConsumersSpansCarryTheTraceIdOfThePostsTraceparent() {
        String traceId = hex(16);

        ResponseEntity<JsonNode> placed = place("traced-" + UUID.randomUUID(), "00-" + traceId + "-" + hex(8) + "-01");

        assertThat(placed.getBody().get("status").asText()).isEqualTo("CONFIRMED");
        awaitConsumerSpans(traceId);
    }

    @Test
    void withoutATraceparentTheSagasOwnSpanBeginsTheTraceTheConsumersContinue() {
        String orderId = "traced-" + UUID.randomUUID();

        ResponseEntity<JsonNode> placed = place(orderId, null);

        assertThat(placed.getBody().get("status").asText()).isEqualTo("CONFIRMED");
        Map<String, AttributeValue> row = dynamoDb.getItem(b -> b.tableName(names.ordersTable()).consistentRead(true)
                .key(Map.of("orderId", AttributeValue.fromS(orderId)))).item();
        String traceparent = row.get(TraceContext.TRACEPARENT).s();
        assertThat(TraceContext.valid(traceparent)).isNotNull();
        String traceId = traceparent.split("-")[1];
        // The order-saga route's span, begun by the request's thread, is where the trace starts.
        assertThat(spans.getFinishedSpanItems()).anySatisfy(span -> {
            assertThat(span.getTraceId()).isEqualTo(traceId);
            assertThat(span.getParentSpanContext().isValid()).isFalse();
        });
        awaitConsumerSpans(traceId);
    }

    /** Both consumer routes' spans (their SQS consumer endpoints) in the trace. */
    private void awaitConsumerSpans(String traceId) {
        for (String consumer : List.of("notification", "order-view")) {
            String endpoint = "aws2-sqs://" + names.queueOf(consumer);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(spans.getFinishedSpanItems())
                    .filteredOn(span -> span.getTraceId().equals(traceId))
                    .extracting(OneTraceFromPostToConsumersTest::uri)
                    .anySatisfy(uri -> assertThat(uri).startsWith(endpoint + "?")));
        }
    }

    private static String uri(SpanData span) {
        String uri = span.getAttributes().get(CAMEL_URI);
        return uri == null ? "" : uri;
    }

    private ResponseEntity<JsonNode> place(String orderId, String traceparent) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("Prefer", "wait=10");
        if (traceparent != null) {
            headers.set(TraceContext.TRACEPARENT, traceparent);
        }
        return http.exchange("/api/orders", HttpMethod.POST, new HttpEntity<>("{\"orderId\":\"" + orderId
                + "\",\"customerId\":\"c-traced\",\"items\":[{\"sku\":\"SKU-5\",\"quantity\":1}],\"paymentToken\":\"tok_ok\"}",
                headers), JsonNode.class);
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        random[0] |= 1; // never all zeros
        return HexFormat.of().formatHex(random);
    }
}
