package routes.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import routes.inventory.InventoryReservation;
import routes.ordersaga.Order;
import routes.ordersaga.OrderLine;
import routes.ordersaga.OrderLog;
import routes.ordersaga.OrderStatus;
import routes.ordersaga.SagaHeaders;
import routes.payment.PaymentCapture;
import routes.payment.PaymentRefund;
import routes.saga.StepRecord;
import routes.saga.StepSupersededException;
import routes.support.EmbeddedAwsTest;
import routes.support.StoredState;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The order saga end to end: HTTP in, the real routes, the embedded DynamoDB underneath. */
@EmbeddedAwsTest
class OrderSagaIntegrationTest {

    @Autowired TestRestTemplate http;
    @Autowired DynamoDbClient dynamoDb;
    @Autowired ProducerTemplate camel;

    StoredState stored;
    String sku;

    @BeforeEach
    void freshSku() {
        stored = new StoredState(dynamoDb);
        sku = "T-" + UUID.randomUUID().toString().substring(0, 8);
        setStock(sku, 100, "2.50");
    }

    @Test
    void happyPathConfirmsOrderReservesStockCapturesPaymentAndWritesOneOutboxEventPerStep() {
        ResponseEntity<JsonNode> placed = place(order(null, sku, 4, "tok_ok"), "wait=10");

        assertThat(placed.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode order = placed.getBody();
        String orderId = order.get("orderId").asText();
        assertThat(order.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(order.get("total").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(order.get("version").asLong()).isEqualTo(4);
        assertThat(order.get("steps")).extracting(s -> s.get("step").asText())
                .containsExactly("order-create", "inventory-reserve", "payment-capture", "order-confirm");
        assertThat(stored.stock(sku)).isEqualTo(new StoredState.Stock(96, 4));
        assertThat(stored.payment(orderId)).isEqualTo(new StoredState.Money(new BigDecimal("10.00"), BigDecimal.ZERO));

        List<Map<String, AttributeValue>> events = stored.outbox(orderId);
        assertThat(events).extracting(e -> e.get("type").s())
                .containsExactly("order.created", "inventory.reserved", "payment.captured", "order.confirmed");
        assertThat(events).extracting(e -> e.get("aggregateVersion").n()).containsExactly("1", "2", "3", "4");
        assertThat(events.get(0)).doesNotContainKey("causationId");
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).get("causationId").s()).isEqualTo(events.get(i - 1).get("eventId").s());
        }
        assertThat(events).allSatisfy(e -> {
            assertThat(e.get("correlationId").s()).isEqualTo(orderId);
            assertThat(e.get("aggregateType").s()).isEqualTo("order");
            // Written pending; the relay may already have published it (then it carries its TTL instead).
            if (e.containsKey("pendingBucket")) {
                assertThat(e.get("pendingBucket").s()).isEqualTo("PENDING");
                assertThat(e).doesNotContainKey("expiresAt");
            } else {
                assertThat(e).containsKeys("expiresAt", "publishedAt");
            }
            assertThat(e.get("data").s()).contains(orderId);
        });
    }

    @Test
    void declinedPaymentCancelsTheOrderAndGivesTheStockBack() {
        JsonNode order = place(order(null, sku, 3, "tok_declined"), "wait=10").getBody();
        String orderId = order.get("orderId").asText();

        assertThat(order.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(order.get("reason").asText()).isEqualTo("PAYMENT_DECLINED");
        assertThat(stored.stock(sku)).isEqualTo(new StoredState.Stock(100, 0));
        assertThat(stored.payment(orderId).held()).isEqualByComparingTo("0");
        assertThat(stored.eventTypes(orderId)).containsExactly("order.created", "inventory.reserved",
                "payment.declined", "payment.refunded", "inventory.released", "order.cancelled");
    }

    @Test
    void orderForMoreThanTheStockIsCancelledOutOfStockWithoutTouchingStockOrPayment() {
        JsonNode order = place(order(null, sku, 101, "tok_ok"), "wait=10").getBody();
        String orderId = order.get("orderId").asText();

        assertThat(order.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(order.get("reason").asText()).isEqualTo("OUT_OF_STOCK");
        assertThat(stored.stock(sku)).isEqualTo(new StoredState.Stock(100, 0));
        assertThat(stored.payment(orderId)).isNull();
        assertThat(stored.eventTypes(orderId)).containsExactly("order.created", "order.cancelled");
    }

    @Test
    void flakyProviderIsRetriedAndTheSagaCompletes() {
        JsonNode order = place(order(null, sku, 1, "tok_flaky"), "wait=10").getBody();

        assertThat(order.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(stored.payment(order.get("orderId").asText()).captured()).isEqualByComparingTo("2.50");
    }

    @Test
    void providerAnsweringAfterTheSagaTimeoutCancelsWithTimeoutAndLeavesNoMoneyCaptured() {
        JsonNode order = place(order(null, sku, 2, "tok_timeout"), "wait=10").getBody();
        String orderId = order.get("orderId").asText();

        assertThat(order.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(order.get("reason").asText()).isEqualTo("TIMEOUT");
        assertThat(stored.stock(sku)).isEqualTo(new StoredState.Stock(100, 0));
        // The late capture lands after the refund: it is refunded again, in the provider and in our books.
        await().atMost(Duration.ofSeconds(15)).ignoreExceptions().untilAsserted(() -> {
            assertThat(stored.providerLedger(orderId).captured()).isEqualByComparingTo("5.00");
            assertThat(stored.providerLedger(orderId).held()).isEqualByComparingTo("0");
            assertThat(stored.payment(orderId)).isEqualTo(stored.providerLedger(orderId));
        });
        assertThat(get(orderId).getBody().get("status").asText()).isEqualTo("CANCELLED");
    }

    @Test
    void withoutPreferWaitTheOrderIsAcceptedAndFinishesInTheBackground() {
        ResponseEntity<JsonNode> placed = place(order(null, sku, 1, "tok_ok"), null);

        assertThat(placed.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String orderId = placed.getBody().get("orderId").asText();
        assertThat(placed.getBody().get("status").asText()).isEqualTo("PENDING");
        assertThat(placed.getHeaders().getLocation()).hasToString("/api/orders/" + orderId);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> get(orderId).getBody().get("status").asText(), "CONFIRMED"::equals);
    }

    @Test
    void samePostTwiceReturnsTheSameOrderAndRunsOneSaga() {
        String orderId = "dup-" + UUID.randomUUID();
        String body = order(orderId, sku, 2, "tok_ok");

        ResponseEntity<JsonNode> first = place(body, "wait=10");
        ResponseEntity<JsonNode> second = place(body, null);

        assertThat(first.getBody().get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(second.getBody().get("orderId").asText()).isEqualTo(orderId);
        assertThat(second.getBody().get("version").asLong()).isEqualTo(4);
        assertThat(stored.stock(sku)).isEqualTo(new StoredState.Stock(98, 2));
        assertThat(stored.eventTypes(orderId)).containsOnlyOnce("order.created");
    }

    @Test
    void sameOrderIdWithAnotherBodyIsAConflict() {
        String orderId = "conflict-" + UUID.randomUUID();
        place(order(orderId, sku, 2, "tok_ok"), "wait=10");

        ResponseEntity<JsonNode> other = place(order(orderId, sku, 3, "tok_ok"), null);

        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(other.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(stored.stock(sku)).isEqualTo(new StoredState.Stock(98, 2));
    }

    @Test
    void twentyConcurrentOrdersForTheLastTenUnitsConfirmExactlyTen() throws Exception {
        setStock(sku, 10, null);
        ExecutorService clients = Executors.newFixedThreadPool(20);
        try {
            List<Callable<JsonNode>> orders = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                orders.add(() -> place(order(null, sku, 1, "tok_ok"), "wait=25").getBody());
            }
            List<String> statuses = new ArrayList<>();
            for (Future<JsonNode> result : clients.invokeAll(orders)) {
                String orderId = result.get().get("orderId").asText();
                statuses.add(await().atMost(Duration.ofSeconds(30))
                        .until(() -> get(orderId).getBody().get("status").asText(), s -> !s.equals("PENDING")));
            }
            assertThat(statuses).filteredOn("CONFIRMED"::equals).hasSize(10);
            assertThat(statuses).filteredOn("CANCELLED"::equals).hasSize(10);
            assertThat(stored.stock(sku)).isEqualTo(new StoredState.Stock(0, 10));
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void compensationsReplayedChangeNothing() {
        JsonNode order = place(order(null, sku, 2, "tok_declined"), "wait=10").getBody();
        String orderId = order.get("orderId").asText();
        long version = get(orderId).getBody().get("version").asLong();
        StoredState.Money money = stored.payment(orderId);

        for (int replay = 0; replay < 2; replay++) {
            for (String compensation : List.of("direct:payment-refund", "direct:inventory-release", "direct:order-cancel")) {
                camel.sendBodyAndHeader(compensation, null, SagaHeaders.ORDER_ID, orderId);
            }
        }

        assertThat(get(orderId).getBody().get("version").asLong()).isEqualTo(version);
        assertThat(stored.stock(sku)).isEqualTo(new StoredState.Stock(100, 0));
        assertThat(stored.payment(orderId)).isEqualTo(money);
    }

    @Test
    void compensationArrivingBeforeItsStepStopsTheLateStep(@Autowired OrderLog orders,
            @Autowired InventoryReservation inventory, @Autowired PaymentRefund refund,
            @Autowired PaymentCapture capture) {
        String orderId = "early-" + UUID.randomUUID();
        Order placed = pendingOrder(orderId, Instant.now());
        orders.create(placed, OrderEvents.CREATED, OrderEvents.created(placed), null);

        inventory.release(orderId, null);
        refund.refund(orderId, null);

        assertThatThrownBy(() -> inventory.reserve(orderId))
                .isInstanceOf(StepSupersededException.class);
        assertThatThrownBy(() -> capture.capture(orderId, "tok_ok"))
                .isInstanceOf(StepSupersededException.class);
        assertThat(stored.stock(sku)).isEqualTo(new StoredState.Stock(100, 0));
        assertThat(stored.providerLedger(orderId)).isNull();
    }

    @Test
    void recoveryResumesASagaLostAfterItsReservationAndTheOrderIsConfirmed(@Autowired OrderLog orders,
            @Autowired InventoryReservation inventory) {
        String orderId = "lost-" + UUID.randomUUID();
        // A saga that died with its JVM after reserving stock, a minute ago: its row is all that is left.
        orders.create(pendingOrder(orderId, Instant.now().minusSeconds(60), "tok_ok"),
                OrderEvents.CREATED, OrderEvents.created(pendingOrder(orderId, Instant.now())), "saga-that-died");
        inventory.reserve(orderId);
        assertThat(stored.stock(sku)).isEqualTo(new StoredState.Stock(97, 3));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> get(orderId).getBody().get("status").asText(), "CONFIRMED"::equals);

        assertThat(stored.stock(sku)).as("reserved once, by the saga that died").isEqualTo(new StoredState.Stock(97, 3));
        assertThat(stored.providerLedger(orderId)).isEqualTo(new StoredState.Money(new BigDecimal("7.50"), BigDecimal.ZERO));
        assertThat(orders.find(orderId)).get().extracting(Order::sagaId).isNotEqualTo("saga-that-died");
        assertThat(stored.eventTypes(orderId)).containsExactly("order.created", "inventory.reserved", "payment.captured",
                "order.confirmed");
    }

    @Test
    void recoveryCompensatesALostSagaPastItsResumeDeadlineAndGivesItsStockBack(@Autowired OrderLog orders,
            @Autowired InventoryReservation inventory) {
        String orderId = "lost-" + UUID.randomUUID();
        orders.create(pendingOrder(orderId, Instant.now().minus(Duration.ofMinutes(10)), "tok_ok"),
                OrderEvents.CREATED, OrderEvents.created(pendingOrder(orderId, Instant.now())), "saga-that-died");
        inventory.reserve(orderId);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> get(orderId).getBody().get("status").asText(), "CANCELLED"::equals);

        assertThat(get(orderId).getBody().get("reason").asText()).isEqualTo("TIMEOUT");
        assertThat(stored.stock(sku)).isEqualTo(new StoredState.Stock(100, 0));
        assertThat(stored.eventTypes(orderId)).endsWith("inventory.released", "order.cancelled");
    }

    private Order pendingOrder(String orderId, Instant createdAt) {
        return pendingOrder(orderId, createdAt, null);
    }

    private Order pendingOrder(String orderId, Instant createdAt, String paymentToken) {
        return Order.placed(orderId, "customer-1", List.of(new OrderLine(sku, 3, new BigDecimal("2.50"))), paymentToken,
                "test", createdAt);
    }

    private ResponseEntity<JsonNode> place(String body, String prefer) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (prefer != null) {
            headers.set("Prefer", prefer);
        }
        return http.postForEntity("/api/orders", new HttpEntity<>(body, headers), JsonNode.class);
    }

    private ResponseEntity<JsonNode> get(String orderId) {
        return http.getForEntity("/api/orders/" + orderId, JsonNode.class);
    }

    private void setStock(String sku, long available, String price) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String body = price == null ? "{\"available\":" + available + "}"
                : "{\"available\":" + available + ",\"price\":" + price + "}";
        ResponseEntity<JsonNode> answer = http.exchange("/api/inventory/" + sku, HttpMethod.PUT,
                new HttpEntity<>(body, headers), JsonNode.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    static String order(String orderId, String sku, int quantity, String token) {
        return "{" + (orderId == null ? "" : "\"orderId\":\"" + orderId + "\",")
                + "\"customerId\":\"customer-1\",\"items\":[{\"sku\":\"" + sku + "\",\"quantity\":" + quantity
                + "}],\"paymentToken\":\"" + token + "\"}";
    }
}
