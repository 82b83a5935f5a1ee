package routes.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import routes.ordersaga.OrderLog;
import routes.support.EmbeddedAwsTest;

/**
 * While readiness refuses traffic (before Camel has started, once shutdown began) the API answers
 * 503 problem+json with Retry-After and writes nothing; the readiness probe stays reachable.
 */
@EmbeddedAwsTest
class ApiNotReadyTest {

    @Autowired TestRestTemplate http;
    @Autowired ApplicationContext context;
    @Autowired OrderLog orders;

    @AfterEach
    void acceptTrafficAgain() {
        AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
    }

    @Test
    void anOrderPostedWhileRefusingTrafficGets503WithRetryAfterAndIsNotWritten() {
        AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
        String orderId = "not-ready-" + UUID.randomUUID();

        ResponseEntity<String> answer = postOrder(orderId);

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody()).contains("\"status\":503").contains("starting or shutting down");
        assertThat(orders.find(orderId)).isEmpty();
        assertThat(http.getForEntity("/api/orders/" + orderId, String.class).getStatusCode().value()).isEqualTo(503);
    }

    @Test
    void theReadinessProbeStaysReachableAndTellsTheSame() {
        AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);

        ResponseEntity<String> refusing = http.getForEntity("/actuator/health/readiness", String.class);

        assertThat(refusing.getStatusCode().value()).isEqualTo(503);
        assertThat(refusing.getBody()).contains("OUT_OF_SERVICE");
        AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
        assertThat(http.getForEntity("/actuator/health/readiness", String.class).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void onceAcceptingTrafficTheSameOrderIsTaken() {
        AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
        String orderId = "not-ready-" + UUID.randomUUID();
        assertThat(postOrder(orderId).getStatusCode().value()).isEqualTo(503);

        AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);

        assertThat(postOrder(orderId).getStatusCode().value()).isEqualTo(202);
        assertThat(orders.find(orderId)).isPresent();
    }

    private ResponseEntity<String> postOrder(String orderId) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String body = "{\"orderId\":\"" + orderId + "\",\"customerId\":\"customer-1\","
                + "\"items\":[{\"sku\":\"SKU-1\",\"quantity\":1}],\"paymentToken\":\"tok_ok\"}";
        return http.exchange("/api/orders", HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }
}
