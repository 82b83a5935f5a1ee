package routes.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
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
import routes.support.EmbeddedAwsTest;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The OpenAPI document at {@code /v3/api-docs} is a contract the API keeps: real requests to every documented
 * operation, good and bad, get answers whose status, content type, body and headers the document describes;
 * every status it claims is really answered (401 in {@link ConsoleSecurityTest}); its examples are
 * accepted as they are; and Swagger UI is served from the application itself.
 */
@EmbeddedAwsTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenApiContractTest {

    private static final String ORDERS = "/api/orders";
    private static final String ORDER = "/api/orders/{orderId}";
    private static final String STOCK = "/api/inventory/{sku}";
    private static final String SAGAS = "/api/sagas";
    private static final String SAGA = "/api/sagas/{orderId}";
    private static final String DLQ = "/api/dlq/{consumer}";
    private static final String REPLAY = "/api/dlq/{consumer}/replay";
    /** Over app.api.max-body-size (64 KiB). */
    private static final String HUGE = "{\"customerId\":\"" + "x".repeat(70_000) + "\"}";

    private static OpenApiContract contract;
    private static final Set<String> FINISHED = ConcurrentHashMap.newKeySet();

    @Autowired TestRestTemplate http;
    @Autowired ApplicationContext context;
    @Autowired SqsClient sqs;

    @BeforeEach
    void readTheDocument() {
        if (contract == null) {
            ResponseEntity<String> document = http.getForEntity("/v3/api-docs", String.class);
            assertThat(document.getStatusCode().value()).isEqualTo(200);
            assertThat(document.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
            contract = new OpenApiContract(document.getBody());
        }
    }

    @Test
    @Order(1)
    void theDocumentDescribesOnlyTheJsonApiWithItsVersionAndTheProblemShape() {
        JsonNode document = contract.document();

        assertThat(document.path("info").path("title").asText()).isEqualTo("camel-saga-outbox API");
        assertThat(document.path("info").path("version").asText()).matches("\\d+\\.\\d+\\.\\d+.*");
        // Not actuator, Hawtio, Jolokia, the console's settings nor the LRA participant callbacks.
        assertThat(fieldNames(document.path("paths"))).allMatch(path -> path.startsWith("/api/"))
                .contains(ORDERS, ORDER, STOCK, SAGAS, SAGA, DLQ, REPLAY);
        JsonNode problem = document.path("components").path("schemas").path("Problem");
        assertThat(fieldNames(problem.path("properties")))
                .containsExactlyInAnyOrder("type", "title", "status", "detail", "instance", "field", "errors");
        assertThat(problem.path("additionalProperties").asBoolean(true)).isFalse();
        // The judge itself: a missing required field, a wrong type and an undocumented field are all caught.
        JsonNode orderView = OpenApiContract.read("{\"$ref\":\"#/components/schemas/OrderView\"}");
        assertThat(contract.violations(orderView, OpenApiContract.read(
                "{\"orderId\":1,\"customerId\":\"c-1\",\"status\":\"CONFIRMED\",\"items\":[],\"total\":1,"
                        + "\"steps\":[],\"version\":1,\"secret\":true}"))).hasSize(2);
        assertThat(contract.violations(orderView, OpenApiContract.read("{\"orderId\":\"o-1\"}"))).isNotEmpty();
        // The documented id shape is the code's (Identifiers): whole values, not a well-formed part of one.
        JsonNode orderId = contract.operation("get", ORDER).path("parameters").get(0).path("schema");
        assertThat(contract.violations(orderId, OpenApiContract.read("\"o-1\""))).isEmpty();
        assertThat(contract.violations(orderId, OpenApiContract.read("\"not an id!\""))).isNotEmpty();
    }

    @Test
    @Order(2)
    void everyExampleOrderIsValidAsItIsAndEndsAsItsSummarySays() {
        Map<String, JsonNode> examples = contract.requestExamples("post", ORDERS);
        assertThat(examples.keySet()).contains("tok_ok", "tok_declined", "tok_flaky", "tok_timeout", "out-of-stock");
        examples.values().forEach(example -> assertThat(contract.violations(contract.requestSchema("post", ORDERS),
                example)).as(example.toString()).isEmpty());

        assertThat(finalOrder(examples.get("tok_ok"))).containsEntry("status", "CONFIRMED");
        assertThat(finalOrder(examples.get("tok_flaky"))).containsEntry("status", "CONFIRMED");
        assertThat(finalOrder(examples.get("tok_declined"))).containsEntry("status", "CANCELLED")
                .containsEntry("reason", "PAYMENT_DECLINED");
        assertThat(finalOrder(examples.get("out-of-stock"))).containsEntry("status", "CANCELLED")
                .containsEntry("reason", "OUT_OF_STOCK");
        // Its provider answers after the saga timeout: taken now, cancelled later (OrderSagaIntegrationTest).
        ResponseEntity<String> slow = post(ORDERS, examples.get("tok_timeout").toString(), Map.of());
        contract.check("post", ORDERS, slow);
        assertThat(slow.getStatusCode().value()).isEqualTo(202);
        assertThat(slow.getHeaders().getLocation()).isNotNull();
        // Its own order id: sent again, the order it created (no second saga).
        String withId = examples.get("with-order-id").toString();
        ResponseEntity<String> first = post(ORDERS, withId, Map.of("Prefer", "wait=10"));
        ResponseEntity<String> again = post(ORDERS, withId, Map.of("Prefer", "wait=10"));
        contract.check("post", ORDERS, first);
        contract.check("post", ORDERS, again);
        assertThat(again.getStatusCode().value()).isEqualTo(200);
        assertThat(OpenApiContract.read(again.getBody()).path("orderId").asText())
                .isEqualTo(OpenApiContract.read(first.getBody()).path("orderId").asText());
    }

    @Test
    @Order(3)
    void badOrdersGetTheDocumentedProblems() {
        String orderId = "contract-" + UUID.randomUUID();
        String body = order(orderId, "SKU-1", 1);
        contract.check("post", ORDERS, post(ORDERS, body, Map.of()));

        ResponseEntity<String> conflict = post(ORDERS, order(orderId, "SKU-2", 1), Map.of());
        ResponseEntity<String> noLines = post(ORDERS, "{\"customerId\":\"c-1\",\"items\":[],\"paymentToken\":\"tok_ok\"}",
                Map.of());
        ResponseEntity<String> malformed = post(ORDERS, "{\"customerId\":", Map.of());
        ResponseEntity<String> wrongType = post(ORDERS, order(null, "SKU-1", 1).replace("1}]", "\"1\"}]"), Map.of());
        ResponseEntity<String> unknownSku = post(ORDERS, order(null, "NO-SUCH-SKU", 1), Map.of());
        ResponseEntity<String> tooLarge = post(ORDERS, HUGE, Map.of());
        ResponseEntity<String> notJson = send(HttpMethod.POST, ORDERS, body, MediaType.TEXT_PLAIN, Map.of());

        for (ResponseEntity<String> answer : new ResponseEntity[] {conflict, noLines, malformed, wrongType, unknownSku,
                tooLarge, notJson}) {
            contract.check("post", ORDERS, answer);
        }
        assertThat(conflict.getStatusCode().value()).isEqualTo(409);
        assertThat(noLines.getStatusCode().value()).isEqualTo(400);
        assertThat(OpenApiContract.read(noLines.getBody()).path("errors").get(0).path("field").asText()).isEqualTo("items");
        assertThat(malformed.getStatusCode().value()).isEqualTo(400);
        assertThat(OpenApiContract.read(wrongType.getBody()).path("field").asText()).isEqualTo("items[0].quantity");
        assertThat(OpenApiContract.read(unknownSku.getBody()).path("field").asText()).isEqualTo("items[0].sku");
        assertThat(tooLarge.getStatusCode().value()).isEqualTo(413);
        assertThat(notJson.getStatusCode().value()).isEqualTo(415);
    }

    @Test
    @Order(4)
    void anOrderAndItsSagaReadBackAsDocumented() {
        String orderId = "contract-" + UUID.randomUUID();
        contract.check("post", ORDERS, post(ORDERS, order(orderId, "SKU-1", 1), Map.of("Prefer", "wait=10")));

        contract.check("get", ORDER, get("/api/orders/" + orderId));
        contract.check("get", ORDER, get("/api/orders/contract-no-such-order"));
        contract.check("get", ORDER, get("/api/orders/not an id!"));
        contract.check("get", SAGA, get("/api/sagas/" + orderId));
        contract.check("get", SAGA, get("/api/sagas/contract-no-such-saga"));
        contract.check("get", SAGA, get("/api/sagas/not an id!"));
        contract.check("get", SAGAS, get("/api/sagas?status=CONFIRMED&limit=1"));
        contract.check("get", SAGAS, get("/api/sagas"));
        contract.check("get", SAGAS, get("/api/sagas?status=LOST"));
        contract.check("get", SAGAS, get("/api/sagas?limit=201"));
        contract.check("get", SAGAS, get("/api/sagas?next=not-a-token"));
        assertThat(contract.exercised()).contains("GET " + ORDER + " 200", "GET " + ORDER + " 404", "GET " + SAGA + " 200",
                "GET " + SAGA + " 400", "GET " + SAGA + " 404", "GET " + SAGAS + " 200", "GET " + SAGAS + " 400");
    }

    @Test
    @Order(5)
    void stockReadsAndWritesAsDocumented() {
        String sku = "CONTRACT-" + UUID.randomUUID().toString().substring(0, 8);
        ResponseEntity<String> noPrice = put("/api/inventory/" + sku, "{\"available\":5}");
        ResponseEntity<String> stocked = put("/api/inventory/" + sku, "{\"available\":5,\"price\":3.25}");
        ResponseEntity<String> negative = put("/api/inventory/" + sku, "{\"available\":-1}");
        ResponseEntity<String> badSku = put("/api/inventory/not a sku!", "{\"available\":1,\"price\":1.00}");
        ResponseEntity<String> tooLarge = put("/api/inventory/" + sku, HUGE);
        ResponseEntity<String> notJson = send(HttpMethod.PUT, "/api/inventory/" + sku, "{\"available\":1}",
                MediaType.TEXT_PLAIN, Map.of());

        for (ResponseEntity<String> answer : new ResponseEntity[] {noPrice, stocked, negative, badSku, tooLarge, notJson}) {
            contract.check("put", STOCK, answer);
        }
        assertThat(OpenApiContract.read(noPrice.getBody()).path("field").asText()).isEqualTo("price");
        assertThat(stocked.getStatusCode().value()).isEqualTo(200);
        assertThat(OpenApiContract.read(negative.getBody()).path("field").asText()).isEqualTo("available");
        contract.check("get", STOCK, get("/api/inventory/" + sku));
        contract.check("get", STOCK, get("/api/inventory/CONTRACT-NONE"));
    }

    @Test
    @Order(6)
    void deadLettersShowAndReplayAsDocumented() {
        String eventId = "contract-" + UUID.randomUUID();
        // As the queue's redrive leaves a message: no failure attributes, so the sample shows them as null.
        String dlq = sqs.getQueueUrl(b -> b.queueName("notification-dlq")).queueUrl();
        sqs.sendMessage(b -> b.queueUrl(dlq).messageBody("{\"id\":\"" + eventId + "\"}"));

        ResponseEntity<String> status = get("/api/dlq/notification");
        assertThat(status.getStatusCode().value()).as(status.getBody()).isEqualTo(200);
        contract.check("get", DLQ, status);
        contract.check("get", DLQ, get("/api/dlq/nobody"));
        ResponseEntity<String> replayed = post("/api/dlq/notification/replay?eventId=" + eventId, null, Map.of());
        contract.check("post", REPLAY, replayed);
        assertThat(OpenApiContract.read(replayed.getBody()).path("replayed").asInt()).isEqualTo(1);
        contract.check("post", REPLAY, post("/api/dlq/notification/replay?eventId=" + eventId, null, Map.of()));
        contract.check("post", REPLAY, post("/api/dlq/order-view/replay?max=1", null, Map.of()));
        contract.check("post", REPLAY, post("/api/dlq/notification/replay?max=0", null, Map.of()));
        contract.check("post", REPLAY, post("/api/dlq/notification/replay?eventId=not an id!", null, Map.of()));
        contract.check("post", REPLAY, post("/api/dlq/nobody/replay", null, Map.of()));
    }

    @Test
    @Order(7)
    void whileNotReadyEveryOperationAnswers503WithRetryAfter() {
        AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
        try {
            contract.check("post", ORDERS, post(ORDERS, order(null, "SKU-1", 1), Map.of()));
            contract.check("get", ORDER, get("/api/orders/o-1"));
            contract.check("get", STOCK, get("/api/inventory/SKU-1"));
            contract.check("put", STOCK, put("/api/inventory/SKU-1", "{\"available\":100}"));
            contract.check("get", SAGAS, get("/api/sagas"));
            contract.check("get", SAGA, get("/api/sagas/o-1"));
            contract.check("get", DLQ, get("/api/dlq/notification"));
            contract.check("post", REPLAY, post("/api/dlq/notification/replay", null, Map.of()));
        } finally {
            AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
        }
        assertThat(contract.exercised()).filteredOn(seen -> seen.endsWith(" 503")).hasSize(8);
    }

    @Test
    @Order(8)
    void swaggerUiIsServedFromTheApplicationAndReadsThisDocument() {
        ResponseEntity<String> page = http.getForEntity("/swagger-ui.html", String.class);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(page.getBody()).contains("swagger-ui-bundle.js").doesNotContain("src=\"http");
        for (String asset : new String[] {"/swagger-ui/swagger-ui-bundle.js", "/swagger-ui/swagger-ui-standalone-preset.js",
                "/swagger-ui/swagger-initializer.js", "/swagger-ui/swagger-ui.css"}) {
            ResponseEntity<String> served = http.getForEntity(asset, String.class);
            assertThat(served.getStatusCode().value()).as(asset).isEqualTo(200);
            assertThat(served.getBody()).as(asset).isNotEmpty();
        }
        JsonNode config = OpenApiContract.read(http.getForObject("/v3/api-docs/swagger-config", String.class));
        assertThat(config.path("url").asText()).isEqualTo("/v3/api-docs");
        // No call to the public validator service: nothing leaves the machine.
        assertThat(config.path("validatorUrl").asText()).isEmpty();
    }

    /** Once every test of the class has run (not when one is run alone): no status is claimed but never answered. */
    @AfterAll
    static void everyStatusTheDocumentClaimsWasReallyAnswered() {
        long tests = Arrays.stream(OpenApiContractTest.class.getDeclaredMethods())
                .filter(method -> method.isAnnotationPresent(Test.class)).count();
        if (contract == null || FINISHED.size() < tests) {
            return;
        }
        Set<String> claimed = contract.documented().stream().filter(status -> !status.endsWith(" 401"))
                .collect(Collectors.toSet());

        assertThat(contract.exercised()).as("statuses the document claims and the tests answered").containsAll(claimed);
    }

    @AfterEach
    void countFinished(TestInfo test) {
        FINISHED.add(test.getDisplayName());
    }

    /** Places the order, waiting for its end, and checks the answer against the document. */
    private Map<String, Object> finalOrder(JsonNode example) {
        ResponseEntity<String> answer = post(ORDERS, example.toString(), Map.of("Prefer", "wait=10"));
        contract.check("post", ORDERS, answer);
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
        JsonNode order = OpenApiContract.read(answer.getBody());
        return order.has("reason") ? Map.of("status", order.path("status").asText(), "reason", order.path("reason").asText())
                : Map.of("status", order.path("status").asText());
    }

    private static String order(String orderId, String sku, int quantity) {
        return "{" + (orderId == null ? "" : "\"orderId\":\"" + orderId + "\",") + "\"customerId\":\"c-1\",\"items\":"
                + "[{\"sku\":\"" + sku + "\",\"quantity\":" + quantity + "}],\"paymentToken\":\"tok_ok\"}";
    }

    private ResponseEntity<String> get(String path) {
        return http.getForEntity(path, String.class);
    }

    private ResponseEntity<String> post(String path, String body, Map<String, String> headers) {
        return send(HttpMethod.POST, path, body, MediaType.APPLICATION_JSON, headers);
    }

    private ResponseEntity<String> put(String path, String body) {
        return send(HttpMethod.PUT, path, body, MediaType.APPLICATION_JSON, Map.of());
    }

    private ResponseEntity<String> send(HttpMethod method, String path, String body, MediaType type,
            Map<String, String> extra) {
        HttpHeaders headers = new HttpHeaders();
        if (body != null) {
            headers.setContentType(type);
        }
        extra.forEach(headers::set);
        return http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new java.util.TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
