package routes.lra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static routes.lra.LraInstance.orderJson;
import static routes.lra.LraInstance.stepIs;
import static routes.lra.LraInstance.workDir;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import routes.saga.lra.CallbackSignature;
import routes.support.FreePorts;
import routes.support.StoredState;

/**
 * LRA mode when a process dies: the app killed mid-saga, the coordinator killed mid-saga, the
 * coordinator down when an order comes in, and callbacks forged by someone who can reach the app.
 * Each test runs its own coordinator ({@code java -jar} of lra-coordinator) and the app in its own
 * JVM, under {@code target/lra-failover-it/}, where their logs stay for a look after a failure.
 */
class LraFailoverIT {

    private static final String SKU = "LRA-FAILOVER-1";
    private static final int STOCK = 10;
    private static final int QUANTITY = 2;
    private static final BigDecimal TOTAL = new BigDecimal("5.00");
    private static final Pattern COMPENSATING = Pattern.compile("Order ([0-9a-f-]+): compensating ([a-z-]+)");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void appKilledAfterInventoryReservedIsCompensatedByTheCoordinatorWithoutRecovery() throws Exception {
        try (LraInstance lra = LraInstance.start(workDir("app-killed"),
                // The LRA's TimeLimit: short, so it passes while the app is down and the coordinator cancels.
                "--app.saga.timeout=5s",
                // Recovery looks at the order every second once it is 6 s quiet: it must leave it to the coordinator.
                "--app.saga.recovery-grace=1s", "--app.saga.recovery-interval=1s")) {
            lra.setStock(SKU, STOCK, "2.50");
            String orderId = UUID.randomUUID().toString();
            // tok_timeout: the capture hangs, so the kill lands with stock reserved and no money taken.
            assertThat(lra.app().send("POST", "/api/orders", orderJson(orderId, SKU, QUANTITY, "tok_timeout"))
                    .statusCode()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(20)).until(() -> stepIs(lra.order(orderId), "inventory-reserve", "DONE"));
            String sagaId = lra.sagaId(orderId);

            lra.killApp();
            // The TimeLimit passes, the coordinator cancels and finds no one to call back: it keeps the saga.
            await().atMost(Duration.ofSeconds(60)).until(() -> lra.coordinator().failedToCompensate(sagaId));
            assertThat(lra.coordinator().status(sagaId)).isNotEqualTo("gone");
            lra.startApp();

            // The coordinator calls again every 15 s (its recovery period).
            JsonNode order = await().atMost(Duration.ofSeconds(90)).ignoreExceptions()
                    .until(() -> lra.order(orderId), o -> "CANCELLED".equals(o.path("status").asText()));
            assertThat(order.path("reason").asText()).isEqualTo("TIMEOUT");
            // Gone once every compensation answered 200: only then are they all done.
            await().atMost(Duration.ofSeconds(60)).until(() -> lra.coordinator().status(sagaId), "gone"::equals);
            assertThat(stock(lra)).isEqualTo(new StoredState.Stock(STOCK, 0));
            assertNoMoneyKept(lra.stored(), orderId);
            String restartedLog = lra.appLogText(2);
            assertThat(restartedLog).doesNotContain("Order " + orderId + ": saga lost");
            // In any order: Narayana's recovery passes call the participants in joining order and in reverse
            // by turns, so the compensations must commute (they do).
            assertThat(compensations(restartedLog, orderId))
                    .containsExactlyInAnyOrder("payment-capture", "inventory-reserve", "order-create");
        }
    }

    @Test
    void coordinatorKilledMidSagaFinishesItFromItsObjectStoreAfterRestart() throws Exception {
        try (LraInstance lra = LraInstance.start(workDir("coordinator-killed"),
                // The LRA's TimeLimit: short, so it passes while the coordinator is down.
                "--app.saga.timeout=5s",
                // The capture answers long after the restarted coordinator has cancelled the saga.
                "--app.payment.late-answer-delay=45s",
                "--app.saga.recovery-grace=1s", "--app.saga.recovery-interval=1s")) {
            lra.setStock(SKU, STOCK, "2.50");
            String orderId = UUID.randomUUID().toString();
            // tok_timeout: the capture is in flight (45 s) when the coordinator dies, and still when it is back.
            assertThat(lra.app().send("POST", "/api/orders", orderJson(orderId, SKU, QUANTITY, "tok_timeout"))
                    .statusCode()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(20)).until(() -> stepIs(lra.order(orderId), "inventory-reserve", "DONE"));
            String sagaId = lra.sagaId(orderId);

            lra.coordinator().kill();
            // Past the TimeLimit with the coordinator down: the app does not end the saga on its own.
            await().during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(10))
                    .until(() -> "PENDING".equals(lra.order(orderId).path("status").asText()));
            lra.coordinator().startAgain();

            // The restarted coordinator finds the expired LRA in its object store and cancels it: CANCELLED
            // with TIMEOUT while the capture is still in flight (the provider has no record of the order yet).
            JsonNode order = await().atMost(Duration.ofSeconds(50)).ignoreExceptions()
                    .until(() -> lra.order(orderId), o -> "CANCELLED".equals(o.path("status").asText()));
            assertThat(lra.stored().providerLedger(orderId)).as("the provider's ledger when the saga was cancelled").isNull();
            assertThat(order.path("reason").asText()).isEqualTo("TIMEOUT");
            await().atMost(Duration.ofSeconds(60)).until(() -> lra.coordinator().status(sagaId), "gone"::equals);
            assertThat(stock(lra)).isEqualTo(new StoredState.Stock(STOCK, 0));

            // The capture lands after the cancel: the app refunds it at once, in the provider and in its books.
            await().atMost(Duration.ofSeconds(75)).ignoreExceptions().untilAsserted(() -> {
                StoredState.Money provider = lra.stored().providerLedger(orderId);
                assertThat(provider.captured()).isEqualByComparingTo(TOTAL);
                assertThat(provider.held()).isEqualByComparingTo("0");
                assertThat(lra.stored().payment(orderId)).isEqualTo(provider);
            });
            assertThat(lra.order(orderId).path("status").asText()).isEqualTo("CANCELLED");
            assertThat(stock(lra)).isEqualTo(new StoredState.Stock(STOCK, 0));
            assertThat(lra.appLogText(1)).doesNotContain("Order " + orderId + ": saga lost");
        }
    }

    @Test
    void orderIsRefusedWith503WhileTheCoordinatorIsDown() throws Exception {
        try (LraInstance lra = LraInstance.start(workDir("coordinator-down"))) {
            lra.setStock(SKU, STOCK, "2.50");
            lra.coordinator().kill();
            String orderId = UUID.randomUUID().toString();
            String request = orderJson(orderId, SKU, QUANTITY, "tok_ok");

            HttpResponse<String> refused = lra.app().send("POST", "/api/orders", request);

            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
                    seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
            assertThat(lra.app().get("/api/orders/" + orderId).statusCode()).isEqualTo(404);
            assertThat(stock(lra)).isEqualTo(new StoredState.Stock(STOCK, 0));

            lra.coordinator().startAgain();
            assertThat(lra.app().send("POST", "/api/orders", request).statusCode()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> "CONFIRMED".equals(lra.order(orderId).path("status").asText()));
            assertThat(stock(lra)).isEqualTo(new StoredState.Stock(STOCK - QUANTITY, QUANTITY));
        }
    }

    @Test
    void forgedParticipantCallbacksAreRefusedWith403AndChangeNothing() throws Exception {
        try (LraInstance lra = LraInstance.start(workDir("forged-callbacks"))) {
            lra.setStock(SKU, STOCK, "2.50");
            String orderId = UUID.randomUUID().toString();
            assertThat(lra.app().send("POST", "/api/orders", orderJson(orderId, SKU, QUANTITY, "tok_ok")).statusCode())
                    .isEqualTo(202);
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> "CONFIRMED".equals(lra.order(orderId).path("status").asText()));
            String sagaId = lra.sagaId(orderId);
            StoredState.Stock stockBefore = stock(lra);

            String base = "http://127.0.0.1:" + lra.app().ports().http();
            String path = "/lra-participant/compensate";
            // What the coordinator would send to refund this order's payment.
            Map<String, String> refund = Map.of("orderId", orderId, "Camel-Saga-Compensate", "direct://payment-refund");
            byte[] otherSecret = new byte[32];
            new SecureRandom().nextBytes(otherSecret);
            String foreignSaga = "http://127.0.0.1:" + FreePorts.next() + "/lra-coordinator/" + UUID.randomUUID();
            CallbackSignature ours = new CallbackSignature(lra.secret().getBytes(StandardCharsets.UTF_8));

            Map<String, HttpResponse<String>> answers = Map.of(
                    "unsigned", put(base + path + "?orderId=" + orderId + "&Camel-Saga-Compensate="
                            + URLEncoder.encode("direct://payment-refund", StandardCharsets.UTF_8), sagaId),
                    "signed with another secret", put(new CallbackSignature(otherSecret).signedUrl(base, path, sagaId, refund), sagaId),
                    // Even signed with the real secret, a saga of another coordinator is not taken.
                    "foreign coordinator", put(ours.signedUrl(base, path, foreignSaga, refund), foreignSaga));

            answers.forEach((forgery, answer) -> {
                assertThat(answer.statusCode()).as(forgery).isEqualTo(403);
                assertThat(answer.headers().firstValue("Content-Type")).as(forgery)
                        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            });
            JsonNode order = lra.order(orderId);
            assertThat(order.path("status").asText()).isEqualTo("CONFIRMED");
            assertThat(stock(lra)).isEqualTo(stockBefore);
            assertThat(lra.stored().payment(orderId).held()).isEqualByComparingTo(TOTAL);
            assertThat(lra.stored().providerLedger(orderId).held()).isEqualByComparingTo(TOTAL);
            assertThat(lra.appLogText(1)).doesNotContain("Order " + orderId + ": compensating");
        }
    }

    private static HttpResponse<String> put(String url, String sagaId) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Long-Running-Action", sagaId)
                    .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static StoredState.Stock stock(LraInstance lra) throws Exception {
        JsonNode item = LraInstance.JSON.readTree(lra.app().get("/api/inventory/" + SKU).body());
        return new StoredState.Stock(item.path("available").asLong(), item.path("reserved").asLong());
    }

    /** No money kept: no payment at all, or every capture refunded, in our books and the provider's. */
    private static void assertNoMoneyKept(StoredState stored, String orderId) {
        StoredState.Money payment = stored.payment(orderId);
        StoredState.Money provider = stored.providerLedger(orderId);
        if (payment != null) {
            assertThat(payment.held()).as("money held in our books").isEqualByComparingTo("0");
        }
        if (provider != null) {
            assertThat(provider.held()).as("money held by the provider").isEqualByComparingTo("0");
        }
    }

    /** The steps the app undid for the order, in the order the coordinator called their compensations. */
    private static List<String> compensations(String log, String orderId) {
        List<String> undone = new ArrayList<>();
        Matcher matcher = COMPENSATING.matcher(log);
        while (matcher.find()) {
            if (matcher.group(1).equals(orderId) && !undone.contains(matcher.group(2))) {
                undone.add(matcher.group(2));
            }
        }
        return undone;
    }
}
