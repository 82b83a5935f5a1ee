package routes.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import routes.support.EmbeddedAwsTest;
import routes.support.StoredState;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Bad input gets a 4xx problem+json naming the problem, and never a saga, a row or a stack trace. */
@EmbeddedAwsTest
class OrderApiBadInputTest {

    @Autowired TestRestTemplate http;
    @Autowired DynamoDbClient dynamoDb;

    static Stream<Arguments> badOrders() {
        String line = "{\"sku\":\"SKU-1\",\"quantity\":1}";
        return Stream.of(
                Arguments.of("malformed JSON", "{\"customerId\":\"c\",", 400, null),
                Arguments.of("empty body", "", 400, null),
                Arguments.of("JSON array instead of object", "[]", 400, null),
                Arguments.of("missing customerId", "{\"items\":[" + line + "],\"paymentToken\":\"tok_ok\"}", 400, "customerId"),
                Arguments.of("blank customerId", "{\"customerId\":\"  \",\"items\":[" + line + "],\"paymentToken\":\"tok_ok\"}", 400, "customerId"),
                Arguments.of("customerId a number", "{\"customerId\":7,\"items\":[" + line + "],\"paymentToken\":\"tok_ok\"}", 400, "customerId"),
                Arguments.of("missing items", "{\"customerId\":\"c\",\"paymentToken\":\"tok_ok\"}", 400, "items"),
                Arguments.of("no items", "{\"customerId\":\"c\",\"items\":[],\"paymentToken\":\"tok_ok\"}", 400, "items"),
                Arguments.of("items not an array", "{\"customerId\":\"c\",\"items\":\"SKU-1\",\"paymentToken\":\"tok_ok\"}", 400, "items"),
                Arguments.of("51 lines", "{\"customerId\":\"c\",\"items\":[" + (line + ",").repeat(50) + line
                        + "],\"paymentToken\":\"tok_ok\"}", 400, "items"),
                Arguments.of("quantity zero", "{\"customerId\":\"c\",\"items\":[{\"sku\":\"SKU-1\",\"quantity\":0}],\"paymentToken\":\"tok_ok\"}", 400, "items[0].quantity"),
                Arguments.of("quantity negative", "{\"customerId\":\"c\",\"items\":[{\"sku\":\"SKU-1\",\"quantity\":-2}],\"paymentToken\":\"tok_ok\"}", 400, "items[0].quantity"),
                Arguments.of("quantity a string", "{\"customerId\":\"c\",\"items\":[{\"sku\":\"SKU-1\",\"quantity\":\"2\"}],\"paymentToken\":\"tok_ok\"}", 400, "items[0].quantity"),
                Arguments.of("quantity a fraction", "{\"customerId\":\"c\",\"items\":[{\"sku\":\"SKU-1\",\"quantity\":1.5}],\"paymentToken\":\"tok_ok\"}", 400, "items[0].quantity"),
                Arguments.of("missing sku", "{\"customerId\":\"c\",\"items\":[{\"quantity\":1}],\"paymentToken\":\"tok_ok\"}", 400, "items[0].sku"),
                Arguments.of("unknown SKU", "{\"customerId\":\"c\",\"items\":[" + line + ",{\"sku\":\"NO-SUCH\",\"quantity\":1}],\"paymentToken\":\"tok_ok\"}", 400, "items[1].sku"),
                Arguments.of("blank token", "{\"customerId\":\"c\",\"items\":[" + line + "],\"paymentToken\":\"\"}", 400, "paymentToken"),
                Arguments.of("missing token", "{\"customerId\":\"c\",\"items\":[" + line + "]}", 400, "paymentToken"),
                Arguments.of("orderId with a slash", "{\"orderId\":\"a/b\",\"customerId\":\"c\",\"items\":[" + line + "],\"paymentToken\":\"tok_ok\"}", 400, "orderId"),
                Arguments.of("body over 64 KiB", "{\"customerId\":\"" + "x".repeat(70_000) + "\"}", 413, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badOrders")
    void badOrderIsRefusedWithAProblemAndLeavesNoTrace(String what, String body, int status, String field) {
        StoredState stored = new StoredState(dynamoDb);
        int orders = stored.count("orders");
        int events = stored.count("outbox");

        ResponseEntity<JsonNode> answer = post(body, MediaType.APPLICATION_JSON);

        assertThat(answer.getStatusCode().value()).as(what).isEqualTo(status);
        assertProblem(answer, status);
        if (field != null) {
            assertThat(answer.getBody().get("field").asText()).isEqualTo(field);
            assertThat(answer.getBody().get("detail").asText()).startsWith(field + ": ");
        }
        assertThat(stored.count("orders")).isEqualTo(orders);
        assertThat(stored.count("outbox")).isEqualTo(events);
    }

    @Test
    void wrongContentTypeIs415() {
        ResponseEntity<JsonNode> answer = post("customerId=c", MediaType.APPLICATION_FORM_URLENCODED);

        assertThat(answer.getStatusCode().value()).isEqualTo(415);
        assertProblem(answer, 415);
    }

    @Test
    void unknownOrderIs404Problem() {
        ResponseEntity<JsonNode> answer = http.getForEntity("/api/orders/no-such-order", JsonNode.class);

        assertThat(answer.getStatusCode().value()).isEqualTo(404);
        assertProblem(answer, 404);
    }

    @Test
    void badStockUpdatesAre400AndUnknownSkuIs404() {
        assertThat(put("/api/inventory/SKU-1", "{\"available\":-1}").getStatusCode().value()).isEqualTo(400);
        assertThat(put("/api/inventory/SKU-1", "{\"available\":\"ten\"}").getStatusCode().value()).isEqualTo(400);
        assertThat(put("/api/inventory/NEW-SKU-WITHOUT-PRICE", "{\"available\":5}").getBody().get("field").asText())
                .isEqualTo("price");
        ResponseEntity<JsonNode> unknown = http.getForEntity("/api/inventory/NO-SUCH", JsonNode.class);
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertProblem(unknown, 404);
    }

    private static void assertProblem(ResponseEntity<JsonNode> answer, int status) {
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody().get("status").asInt()).isEqualTo(status);
        assertThat(answer.getBody().get("title").asText()).isNotBlank();
        assertThat(answer.getBody().toString()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    private ResponseEntity<JsonNode> post(String body, MediaType type) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        return http.postForEntity("/api/orders", new HttpEntity<>(body, headers), JsonNode.class);
    }

    private ResponseEntity<JsonNode> put(String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, HttpMethod.PUT, new HttpEntity<>(body, headers), JsonNode.class);
    }
}
