package routes.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import routes.ordersaga.OrderLog;
import routes.saga.InProcessSagaService;
import routes.support.EmbeddedAwsPortsInitializer;

/**
 * Back-pressure at the door: with every place of the saga service taken, a new order waits for a
 * place, then gets 503 with Retry-After and writes nothing (before, the row was written and the
 * full background queue answered 500, leaving the order to time out); once a saga finishes, the
 * same request is accepted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "app.saga.max-running=1",
        "app.saga.admission-wait=300ms",
        // The provider answers slowly, so the first saga keeps its place while the second order arrives.
        "app.payment.latency=3s"})
@ContextConfiguration(initializers = EmbeddedAwsPortsInitializer.class)
@DirtiesContext
class SagaAdmissionTest {

    @Autowired TestRestTemplate http;
    @Autowired OrderLog orders;
    @Autowired InProcessSagaService sagas;

    @Test
    void anOrderFindingNoPlaceGets503WithRetryAfterAndNothingIsWritten() {
        ResponseEntity<JsonNode> first = place("first-" + UUID.randomUUID());
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String secondId = "second-" + UUID.randomUUID();

        ResponseEntity<JsonNode> refused = place(secondId);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getBody().get("detail").asText()).contains("sagas");
        assertThat(orders.find(secondId)).isEmpty();

        await().atMost(Duration.ofSeconds(30)).until(() -> sagas.running() == 0);
        assertThat(place(secondId).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    }

    private ResponseEntity<JsonNode> place(String orderId) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String body = "{\"orderId\":\"" + orderId + "\",\"customerId\":\"c-1\",\"paymentToken\":\"tok_ok\","
                + "\"items\":[{\"sku\":\"SKU-1\",\"quantity\":1}]}";
        return http.postForEntity("/api/orders", new HttpEntity<>(body, headers), JsonNode.class);
    }
}
