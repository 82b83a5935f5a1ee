package routes.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import routes.inventory.InventoryStore;
import routes.saga.InProcessSagaService;
import routes.support.EmbeddedAwsTest;

/**
 * Many orders at once through HTTP, with the mix of the README: every POST that asked to wait
 * answers within its wait plus a small margin, and once the sagas are over the saga service holds
 * none of them (Camel 4.17's in-memory service kept every finished saga and its timeout).
 */
@EmbeddedAwsTest
class SagaLoadIntegrationTest {

    private static final int ORDERS = 300;
    private static final int CONCURRENCY = 16;
    private static final Duration PREFER_WAIT = Duration.ofSeconds(2);
    private static final Duration MARGIN = Duration.ofSeconds(2);
    private static final List<String> TOKENS = List.of("tok_ok", "tok_ok", "tok_ok", "tok_ok", "tok_ok", "tok_ok",
            "tok_declined", "tok_flaky", "tok_timeout", "tok_ok");

    @LocalServerPort int port;
    @Autowired InventoryStore stock;
    @Autowired InProcessSagaService sagas;

    @Test
    void everyWaitingPostAnswersWithinItsWaitAndNoFinishedSagaIsKept() throws Exception {
        String sku = "LOAD-" + UUID.randomUUID();
        stock.setStock(sku, 100_000, new BigDecimal("1.00"));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ExecutorService clients = Executors.newFixedThreadPool(CONCURRENCY);
        List<Future<long[]>> answers = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            String body = "{\"customerId\":\"c-" + i + "\",\"paymentToken\":\"" + TOKENS.get(i % TOKENS.size())
                    + "\",\"items\":[{\"sku\":\"" + sku + "\",\"quantity\":1}]}";
            answers.add(clients.submit(() -> {
                long start = System.nanoTime();
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/orders"))
                        .header("Content-Type", "application/json").header("Prefer", "wait=" + PREFER_WAIT.toSeconds())
                        .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
                return new long[] {response.statusCode(), (System.nanoTime() - start) / 1_000_000};
            }));
        }
        long slowest = 0;
        List<Long> millis = new ArrayList<>();
        for (Future<long[]> answer : answers) {
            long[] statusAndMillis = answer.get();
            assertThat(statusAndMillis[0]).as("status").isIn(200L, 202L);
            slowest = Math.max(slowest, statusAndMillis[1]);
            millis.add(statusAndMillis[1]);
        }
        clients.shutdown();
        millis.sort(null);
        System.out.printf("answers: p50 %d ms, p99 %d ms, max %d ms; sagas running %d%n", millis.get(ORDERS / 2),
                millis.get(ORDERS * 99 / 100), slowest, sagas.running());

        assertThat(Duration.ofMillis(slowest)).as("slowest answer").isLessThan(PREFER_WAIT.plus(MARGIN));
        // tok_timeout's sagas end by their timeout (3 s here), the others sooner.
        await().atMost(Duration.ofSeconds(60)).until(() -> sagas.running() == 0);
    }
}
