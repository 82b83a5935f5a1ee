package routes.lra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import routes.support.ApplicationProcess;
import routes.support.StoredState;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Two instances share one LRA coordinator: the caller places orders and runs every step but the
 * payment, which the payer captures inside the caller's saga. The payer joins that saga itself, so
 * the coordinator calls it, not the caller, to refund; killing either instance mid-saga still ends
 * consistent once it is back. The logs stay under target/lra-two-instances for a failed run's reader.
 */
class LraTwoInstancesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int STOCK = 10;
    private static final String PRICE = "2.50";

    private static PeerInstances peers;
    private static DynamoDbClient dynamoDb;
    private static StoredState stored;

    @BeforeAll
    static void startTwoInstancesAndACoordinator() throws Exception {
        peers = PeerInstances.start(Path.of("target", "lra-two-instances", String.valueOf(System.currentTimeMillis())));
        dynamoDb = peers.dynamoDb();
        stored = new StoredState(dynamoDb);
        // A fresh JVM's first saga pays for class loading, seconds on a busy machine: one saga first,
        // so the tests that time a kill against the saga see it run at its usual pace.
        String warmUp = place(peers.caller(), freshSku(), 1, "tok_ok");
        assertThat(awaitFinal(peers.caller(), warmUp).get("status").asText()).isEqualTo("CONFIRMED");
    }

    @AfterAll
    static void stopAll() {
        if (dynamoDb != null) {
            dynamoDb.close();
        }
        if (peers != null) {
            peers.close();
        }
    }

    @Test
    void orderPlacedOnTheCallerIsConfirmedWithItsPaymentCapturedOnThePayer() throws Exception {
        String sku = freshSku();
        RouteCounters caller = RouteCounters.of(peers.caller());
        RouteCounters payer = RouteCounters.of(peers.payer());
        long remoteCalls = caller.completed("remote-payment-capture");
        long capturesOnPayer = payer.completed("payment-capture");

        String orderId = place(peers.caller(), sku, 4, "tok_ok");
        JsonNode order = awaitFinal(peers.caller(), orderId);

        assertThat(order.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(order.get("steps")).extracting(step -> step.get("step").asText())
                .containsExactly("order-create", "inventory-reserve", "payment-capture", "order-confirm");
        assertThat(stored.stock(sku)).isEqualTo(new StoredState.Stock(STOCK - 4, 4));
        assertThat(stored.payment(orderId)).isEqualTo(new StoredState.Money(new BigDecimal("10.00"), BigDecimal.ZERO));
        assertThat(stored.providerLedger(orderId)).isEqualTo(stored.payment(orderId));
        assertThat(caller.completed("remote-payment-capture")).isEqualTo(remoteCalls + 1);
        assertThat(payer.completed("payment-capture")).isEqualTo(capturesOnPayer + 1);
        assertThat(caller.total("payment-capture")).as("captures run on the caller itself").isZero();
        awaitCoordinatorForgets(orderId);
    }

    @Test
    void paymentDeclinedOnThePayerIsRefundedThereByTheCoordinatorAndReleasedAndCancelledOnTheCaller() throws Exception {
        String sku = freshSku();

        String orderId = place(peers.caller(), sku, 3, "tok_declined");
        JsonNode order = awaitFinal(peers.caller(), orderId);

        assertThat(order.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(order.get("reason").asText()).isEqualTo("PAYMENT_DECLINED");
        assertThat(stored.stock(sku)).isEqualTo(new StoredState.Stock(STOCK, 0));
        assertThat(stored.payment(orderId).held()).isEqualByComparingTo("0");
        assertThat(stored.providerLedger(orderId)).as("the provider never captured").isNull();
        assertThat(stored.eventTypes(orderId)).containsExactly("order.created", "inventory.reserved",
                "payment.declined", "payment.refunded", "inventory.released", "order.cancelled");
        String compensating = "Order " + orderId + ": compensating ";
        assertThat(PeerInstances.read(peers.payerLog())).contains(compensating + "payment-capture")
                .doesNotContain(compensating + "inventory-reserve").doesNotContain(compensating + "order-create");
        assertThat(PeerInstances.read(peers.callerLog())).contains(compensating + "inventory-reserve")
                .contains(compensating + "order-create").doesNotContain(compensating + "payment-capture");
        awaitCoordinatorForgets(orderId);
    }

    @Test
    void killingThePayerDuringItsCaptureEndsCancelledWithTheStockBackAndNoMoneyKeptOnceItIsBack() throws Exception {
        String sku = freshSku();

        String orderId = place(peers.caller(), sku, 2, "tok_timeout");
        // In the provider call: the payer has joined the saga with its refund.
        awaitInflight(peers.payer(), "capture-with-provider");
        peers.payer().kill();
        // The caller's call fails and the saga is cancelled; the coordinator keeps it for the refund it owes the payer.
        await().atMost(Duration.ofSeconds(30)).until(() -> peers.coordinator().status(sagaId(orderId)), "Cancelling"::equals);
        peers.startPayer();

        awaitCoordinatorForgets(orderId);
        JsonNode order = awaitFinal(peers.caller(), orderId);
        assertThat(order.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(order.get("reason").asText()).as("the payer did not answer").isEqualTo("TECHNICAL_FAILURE");
        assertThat(stored.stock(sku)).isEqualTo(new StoredState.Stock(STOCK, 0));
        assertNoMoneyKept(orderId);
        assertThat(PeerInstances.read(peers.payerLog())).contains("Order " + orderId + ": compensating payment-capture");
    }

    @Test
    void killingTheCallerDuringTheCaptureOnThePayerEndsCancelledWithTheLateCaptureRefundedOnceItIsBack() throws Exception {
        String sku = freshSku();

        String orderId = place(peers.caller(), sku, 2, "tok_timeout");
        awaitInflight(peers.payer(), "capture-with-provider");
        peers.caller().kill();
        peers.startCaller();

        // The coordinator cancels at the time limit, refunds on the payer and, once the caller is back,
        // releases and cancels there; the capture that lands afterwards on the payer is refunded.
        awaitCoordinatorForgets(orderId);
        JsonNode order = awaitFinal(peers.caller(), orderId);
        assertThat(order.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(order.get("reason").asText()).isEqualTo("TIMEOUT");
        assertThat(stored.stock(sku)).isEqualTo(new StoredState.Stock(STOCK, 0));
        await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> {
            assertThat(stored.providerLedger(orderId)).as("the late capture").isNotNull();
            assertThat(stored.providerLedger(orderId).captured()).isEqualByComparingTo("5.00");
            assertThat(stored.providerLedger(orderId).held()).isEqualByComparingTo("0");
            assertThat(stored.payment(orderId)).isEqualTo(stored.providerLedger(orderId));
        });
    }

    @Test
    void aCallerSigningWithAnotherSecretIsRefusedByThePayerAndItsSagaCompensates() throws Exception {
        ApplicationProcess stranger = peers.startStranger("stranger");
        String sku = freshSku();
        long capturesOnPayer = RouteCounters.of(peers.payer()).total("payment-capture");

        String orderId = place(stranger, sku, 1, "tok_ok");
        JsonNode order = awaitFinal(stranger, orderId);

        assertThat(order.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(order.get("reason").asText()).isEqualTo("TECHNICAL_FAILURE");
        assertThat(stored.stock(sku)).isEqualTo(new StoredState.Stock(STOCK, 0));
        assertThat(stored.payment(orderId)).isNull();
        assertThat(RouteCounters.of(peers.payer()).total("payment-capture")).isEqualTo(capturesOnPayer);
        assertThat(PeerInstances.read(peers.payerLog()))
                .contains("Participant callback PUT /lra-participant/steps/payment-capture refused: the signature does not match");
        awaitCoordinatorForgets(orderId);
    }

    /** A SKU of the test's own with {@link #STOCK} units, set through the caller. */
    private static String freshSku() throws Exception {
        String sku = "TWO-" + UUID.randomUUID();
        HttpResponse<String> answer = peers.caller().send("PUT", "/api/inventory/" + sku,
                "{\"available\":" + STOCK + ",\"price\":" + PRICE + "}");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return sku;
    }

    private static String place(ApplicationProcess instance, String sku, int quantity, String token) throws Exception {
        HttpResponse<String> answer = instance.send("POST", "/api/orders", "{\"customerId\":\"customer-1\",\"items\":[{\"sku\":\""
                + sku + "\",\"quantity\":" + quantity + "}],\"paymentToken\":\"" + token + "\"}");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        return JSON.readTree(answer.body()).get("orderId").asText();
    }

    private static JsonNode awaitFinal(ApplicationProcess instance, String orderId) {
        return await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> JSON.readTree(instance.get("/api/orders/" + orderId).body()),
                        order -> !"PENDING".equals(order.get("status").asText()));
    }

    private static void awaitInflight(ApplicationProcess instance, String processorId) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> RouteCounters.of(instance).inflightAt(processorId) > 0);
    }

    /** The coordinator forgets a saga once it closed it or every compensation answered (it retries them until then). */
    private static void awaitCoordinatorForgets(String orderId) {
        String sagaId = sagaId(orderId);
        await().atMost(Duration.ofSeconds(90)).ignoreExceptions()
                .until(() -> peers.coordinator().status(sagaId), "gone"::equals);
    }

    private static void assertNoMoneyKept(String orderId) {
        StoredState.Money provider = stored.providerLedger(orderId);
        StoredState.Money payment = stored.payment(orderId);
        if (provider != null) {
            assertThat(provider.held()).as("held by the provider").isEqualByComparingTo("0");
        }
        if (payment != null) {
            assertThat(payment.held()).as("held in our books").isEqualByComparingTo("0");
        }
    }

    private static String sagaId(String orderId) {
        Map<String, AttributeValue> row = dynamoDb.getItem(b -> b.tableName("orders").consistentRead(true)
                .key(Map.of("orderId", AttributeValue.fromS(orderId)))).item();
        return row.get("sagaId").s();
    }
}
