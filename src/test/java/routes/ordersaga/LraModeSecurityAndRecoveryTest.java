package routes.ordersaga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import routes.order.OrderEvents;
import routes.saga.lra.CallbackSignature;
import routes.saga.lra.GuardedLraSagaService;
import routes.saga.lra.UntrustedCoordinatorException;
import routes.support.FreePorts;
import routes.support.FreshStock;
import routes.support.LraModeInitializer;
import routes.support.LraModeTest;
import routes.support.StoredState;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * LRA mode's two guards against Camel 4.17's open doors, over real HTTP against a real coordinator:
 * participant callbacks must carry this deployment's signature and a saga id of the configured
 * coordinator; a saga id naming another coordinator is never called. And recovery waits while the
 * coordinator holds a saga.
 */
@LraModeTest
class LraModeSecurityAndRecoveryTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired TestRestTemplate http;
    @Autowired DynamoDbClient dynamoDb;
    @Autowired ProducerTemplate camel;
    @Autowired GuardedLraSagaService sagaService;
    @Autowired OrderLog orders;
    @Autowired OrderRecovery recovery;
    @Value("${local.server.port}") int port;

    StoredState stored;
    String sku;

    @BeforeEach
    void freshSku() {
        stored = new StoredState(dynamoDb);
        sku = FreshStock.sku(http, "L", 10, "2.50");
    }

    @Test
    void forgedCompensationsOfAConfirmedOrderAreRefusedAndChangeNothing() throws Exception {
        String orderId = confirmedOrder();
        String sagaId = orders.find(orderId).orElseThrow().sagaId();
        Map<String, String> cancel = Map.of("Camel-Saga-Compensate", "direct://order-cancel", SagaHeaders.ORDER_ID, orderId);
        String path = "/lra-participant/compensate";

        HttpResponse<String> unsigned = put(path + "?Camel-Saga-Compensate=direct%3A%2F%2Forder-cancel&orderId=" + orderId, sagaId, Map.of());
        HttpResponse<String> otherSecret = put(signedBy(new CallbackSignature(otherSecret()), path, sagaId, cancel), sagaId, Map.of());
        String foreignSaga = "http://127.0.0.1:1/lra-coordinator/0_forged";
        HttpResponse<String> foreignCoordinator = put(signedBy(sagaService.signature(), path, foreignSaga, cancel), foreignSaga, Map.of());
        HttpResponse<String> tampered = put(signedBy(sagaService.signature(), path, sagaId, cancel)
                .replace("orderId=" + orderId, "orderId=" + orderId + "x"), sagaId, Map.of());
        HttpResponse<String> shadowed = put(signedBy(sagaService.signature(), path, sagaId,
                Map.of("Camel-Saga-Compensate", "direct://order-cancel", SagaHeaders.ORDER_ID, "not-this-one")), sagaId,
                Map.of(SagaHeaders.ORDER_ID, orderId));

        assertThat(List.of(unsigned, otherSecret, foreignCoordinator, tampered, shadowed))
                .allSatisfy(response -> {
                    assertThat(response.statusCode()).isEqualTo(403);
                    assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
                    assertThat(response.body()).contains("Participant callback refused");
                });
        assertThat(unsigned.body()).contains("not signed");
        assertThat(foreignCoordinator.body()).contains("not one of the configured coordinator");
        assertThat(shadowed.body()).contains("shadows a signed parameter");
        assertThat(http.getForEntity("/api/orders/" + orderId, JsonNode.class).getBody().get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(stored.stock(sku)).isEqualTo(new StoredState.Stock(8, 2));
    }

    @Test
    void aCallbackSignedWithThisDeploymentsSecretForATrustedSagaIsServed() throws Exception {
        String sagaId = newLra();

        HttpResponse<String> completion = put(signedBy(sagaService.signature(), "/lra-participant/complete", sagaId,
                Map.of(SagaHeaders.ORDER_ID, "o-1")), sagaId, Map.of());

        assertThat(completion.statusCode()).as(completion.body()).isBetween(200, 204);
    }

    @Test
    void aStepGivenASagaIdOfAnotherCoordinatorNeverCallsItAndDoesNothing() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        HttpServer foreign = HttpServer.create(new InetSocketAddress("127.0.0.1", FreePorts.next()), 0);
        foreign.createContext("/", exchange -> {
            calls.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        foreign.start();
        try {
            String foreignSaga = "http://127.0.0.1:" + foreign.getAddress().getPort() + "/lra-coordinator/0_forged";
            String orderId = "forged-" + UUID.randomUUID();
            createOrder(orderId, Instant.now(), newLra());

            assertThatThrownBy(() -> camel.sendBodyAndHeaders(SagaStep.INVENTORY_RESERVE.endpoint(), null,
                    Map.of(SagaHeaders.ORDER_ID, orderId, Exchange.SAGA_LONG_RUNNING_ACTION, foreignSaga)))
                    .isInstanceOf(CamelExecutionException.class)
                    .hasRootCauseInstanceOf(UntrustedCoordinatorException.class);
            assertThat(calls).as("requests the foreign coordinator received").hasValue(0);
            assertThat(stored.stock(sku)).isEqualTo(new StoredState.Stock(10, 0));
        } finally {
            foreign.stop(0);
        }
    }

    @Test
    void recoveryLeavesAQuietOrderAloneWhileTheCoordinatorHoldsItsSagaAndResumesItOnceLetGo() throws Exception {
        String orderId = "held-" + UUID.randomUUID();
        String sagaId = newLra();
        // Quiet for a minute, longer than timeout + grace: in memory, recovery would take it at once.
        createOrder(orderId, Instant.now().minusSeconds(60), sagaId);

        assertThat(recovery.action(orderId)).isEqualTo(RecoveryAction.NONE);
        assertThat(LraModeInitializer.coordinator().status(sagaId)).isEqualTo("Active");

        HttpResponse<String> closed = HTTP.send(HttpRequest.newBuilder(URI.create(sagaId + "/close"))
                .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(closed.statusCode()).isEqualTo(200);

        assertThat(recovery.action(orderId)).isEqualTo(RecoveryAction.RESUME);
        await().atMost(Duration.ofSeconds(30)).until(() -> orders.find(orderId).orElseThrow().status() == OrderStatus.CONFIRMED);
        assertThat(orders.find(orderId).orElseThrow().sagaId()).isNotEqualTo(sagaId);
    }

    private void createOrder(String orderId, Instant createdAt, String sagaId) {
        Order order = Order.placed(orderId, "c-1", List.of(new OrderLine(sku, 2, new BigDecimal("2.50"))), "tok_ok", "test", createdAt);
        orders.create(order, OrderEvents.CREATED, OrderEvents.created(order), sagaId);
    }

    private String confirmedOrder() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("Prefer", "wait=10");
        ResponseEntity<JsonNode> placed = http.postForEntity("/api/orders", new HttpEntity<>(
                "{\"customerId\":\"c-1\",\"items\":[{\"sku\":\"" + sku + "\",\"quantity\":2}],\"paymentToken\":\"tok_ok\"}", headers),
                JsonNode.class);
        assertThat(placed.getBody().get("status").asText()).isEqualTo("CONFIRMED");
        return placed.getBody().get("orderId").asText();
    }

    /** An LRA begun at the test run's coordinator, as the saga service begins one. */
    private static String newLra() throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(LraModeInitializer.coordinator().url() + "/start"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).body().strip();
    }

    private String signedBy(CallbackSignature signature, String path, String sagaId, Map<String, String> parameters) {
        return signature.signedUrl("", path, sagaId, parameters);
    }

    private HttpResponse<String> put(String pathAndQuery, String sagaId, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .header(Exchange.SAGA_LONG_RUNNING_ACTION, sagaId)
                .PUT(HttpRequest.BodyPublishers.noBody());
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] otherSecret() {
        byte[] secret = new byte[32];
        Arrays.fill(secret, (byte) 'z');
        return secret;
    }
}
