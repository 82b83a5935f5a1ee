package routes.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import routes.support.SecuredAndTracedTest;

/**
 * Outside the local modes (here: {@code app.console.authentication=required} on the embedded
 * emulators) the operator surfaces need the operator's HTTP Basic login, the business API does not,
 * and Jolokia only reads MBeans and runs the operations exposed on purpose. The API document and
 * Swagger UI are behind that login too, and the operator paths answer the 401 the document lists.
 */
@SecuredAndTracedTest
class ConsoleSecurityTest {

    private static final List<String> OPERATOR_PATHS = List.of("/api/sagas", "/api/sagas/o-1", "/console/",
            "/actuator/jolokia", "/actuator/prometheus", "/actuator/hawtio", "/actuator/metrics", "/api/dlq/notification");

    @Autowired TestRestTemplate http;
    @Autowired ObjectMapper json;

    @Test
    void anAnonymousRequestToAnOperatorSurfaceIsRefusedWith401AndTheApiPathsSayItAsProblemJson() {
        for (String path : OPERATOR_PATHS) {
            ResponseEntity<String> response = http.getForEntity(path, String.class);

            assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).as(path).startsWith("Basic ");
            if (path.startsWith("/api/")) {
                assertThat(response.getHeaders().getContentType()).as(path).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
                assertThat(response.getBody()).as(path).contains("\"status\":401");
            }
        }
    }

    @Test
    void wrongCredentialsAreRefusedLikeNone() {
        ResponseEntity<String> response = http.withBasicAuth(SecuredAndTracedTest.USER, "not-the-password")
                .getForEntity("/api/dlq/notification", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void theOperatorReachesTheDlqApiActuatorJolokiaAndHawtioAndTheApiSetsNoSessionCookie() {
        TestRestTemplate operator = operator();

        ResponseEntity<JsonNode> dlq = operator.getForEntity("/api/dlq/notification", JsonNode.class);
        assertThat(dlq.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(dlq.getBody().get("consumer").asText()).isEqualTo("notification");
        assertThat(dlq.getHeaders().get(HttpHeaders.SET_COOKIE)).isNull();
        // The JSON API takes no CSRF token: Basic credentials, no cookie.
        ResponseEntity<String> replay = operator.postForEntity("/api/dlq/notification/replay?max=1", null, String.class);
        assertThat(replay.getStatusCode()).isEqualTo(HttpStatus.OK);

        ResponseEntity<String> scrape = operator.getForEntity("/actuator/prometheus", String.class);
        assertThat(scrape.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(scrape.getBody()).contains("saga_started_total");
        assertThat(operator.getForEntity("/actuator/hawtio/", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode version = jolokia(operator, "/actuator/jolokia/version");
        assertThat(version.get("status").asInt()).isEqualTo(200);
        JsonNode read = jolokia(operator, "/actuator/jolokia/read/java.lang:type=Memory/HeapMemoryUsage");
        assertThat(read.get("status").asInt()).isEqualTo(200);
    }

    @Test
    void anonymousHealthOrdersAndInventoryStillWork() {
        // Camel reports its SQS consumers healthy after their first poll, a moment after the context started.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            ResponseEntity<String> health = http.getForEntity("/actuator/health", String.class);
            assertThat(health.getStatusCode()).as(health.getBody()).isEqualTo(HttpStatus.OK);
        });
        assertThat(http.getForEntity("/actuator/health/readiness", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.getForEntity("/api/inventory/SKU-1", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> placed = http.exchange("/api/orders", HttpMethod.POST, new HttpEntity<>(
                "{\"orderId\":\"anon-" + UUID.randomUUID() + "\",\"customerId\":\"c-1\",\"items\":[{\"sku\":\"SKU-2\","
                        + "\"quantity\":1}],\"paymentToken\":\"tok_ok\"}", headers), String.class);
        assertThat(placed.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(placed.getHeaders().get(HttpHeaders.SET_COOKIE)).isNull();
    }

    @Test
    void jolokiaRunsTheDeadLetterReplayButRefusesOtherOperationsAndWritesEvenToTheOperator() {
        TestRestTemplate operator = operator();

        JsonNode replay = jolokia(operator,
                "/actuator/jolokia/exec/camel-saga-outbox:type=DeadLetterQueues/replayDeadLetters/notification/1");
        JsonNode gc = jolokia(operator, "/actuator/jolokia/exec/java.lang:type=Memory/gc");
        JsonNode stopRoute = jolokia(operator,
                "/actuator/jolokia/exec/org.apache.camel:context=camel-saga-outbox,type=routes,name=%22order-saga%22/stop");
        JsonNode write = jolokia(operator, "/actuator/jolokia/write/java.lang:type=Memory/Verbose/true");

        assertThat(replay.get("status").asInt()).as(replay.toString()).isEqualTo(200);
        assertThat(List.of(gc, stopRoute, write)).allSatisfy(refused ->
                assertThat(refused.get("status").asInt()).as(refused.toString()).isEqualTo(403));
    }

    @Test
    void theDocumentAndSwaggerUiNeedTheOperatorsLogin() {
        for (String path : new String[] {"/v3/api-docs", "/swagger-ui.html", "/swagger-ui/index.html"}) {
            assertThat(http.getForEntity(path, String.class).getStatusCode().value()).as(path).isEqualTo(401);
        }

        ResponseEntity<String> document = operator().getForEntity("/v3/api-docs", String.class);
        assertThat(document.getStatusCode().value()).isEqualTo(200);
        ResponseEntity<String> page = operator().getForEntity("/swagger-ui/index.html", String.class);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
    }

    @Test
    void everyOperationThatLists401AnswersItAnonymouslyAsDocumented() {
        OpenApiContract contract = new OpenApiContract(operator().getForObject("/v3/api-docs", String.class));
        Set<String> claiming401 = contract.documented().stream().filter(status -> status.endsWith(" 401"))
                .map(status -> status.substring(0, status.length() - " 401".length())).collect(Collectors.toSet());

        for (String operation : claiming401) {
            String method = operation.substring(0, operation.indexOf(' '));
            String template = operation.substring(operation.indexOf(' ') + 1);
            String path = template.replace("{consumer}", "notification").replace("{orderId}", "o-1");
            ResponseEntity<String> answer = http.exchange(path, HttpMethod.valueOf(method), null, String.class);

            assertThat(answer.getStatusCode().value()).as(operation).isEqualTo(401);
            contract.check(method, template, answer);
        }
        assertThat(claiming401).containsExactlyInAnyOrder("GET /api/sagas", "GET /api/sagas/{orderId}",
                "GET /api/dlq/{consumer}", "POST /api/dlq/{consumer}/replay");
    }

    private TestRestTemplate operator() {
        return http.withBasicAuth(SecuredAndTracedTest.USER, SecuredAndTracedTest.PASSWORD);
    }

    /** Jolokia answers errors in its JSON body (status, error); the HTTP status may be 200 or the same. */
    private JsonNode jolokia(TestRestTemplate client, String path) {
        // Already encoded (an MBean name's quotes as %22): sent as is.
        ResponseEntity<String> response = client.getForEntity(URI.create(client.getRootUri() + path), String.class);
        assertThat(response.getStatusCode().value()).as(path).isNotEqualTo(401);
        try {
            return json.readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError(path + " answered " + response.getStatusCode() + ": " + response.getBody(), e);
        }
    }
}
