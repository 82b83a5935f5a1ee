package routes.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import routes.support.ApplicationProcess;

/**
 * The application as a process, taking orders from the moment its port opens: until it is ready
 * every answer is 503 with Retry-After (never a 500 from a Camel context not yet started), nothing
 * refused is written, and every order it accepted exists.
 */
class ApiDuringStartupTest {

    private static final Logger log = LoggerFactory.getLogger(ApiDuringStartupTest.class);
    private static final int CLIENTS = 2;
    private static final int ACCEPTED_AFTER_READY = 20;

    @TempDir Path dir;

    record Answer(String orderId, int status, String retryAfter, String contentType) {}

    @Test
    void ordersPostedWhileStartingGet503WithRetryAfterUntilReadyAndEveryAcceptedOrderExists() throws Exception {
        ApplicationProcess.Ports ports = ApplicationProcess.Ports.free();
        try (ApplicationProcess app = ApplicationProcess.startWithoutWaiting(ports, dir.resolve("app.log"))) {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(10)).until(() -> listening(ports.http()));

            List<Answer> answers = postUntilReady(app);

            Map<Integer, Long> byStatus = answers.stream().collect(Collectors.groupingBy(Answer::status, Collectors.counting()));
            log.info("Answers from port open to ready and {} orders after: {}", ACCEPTED_AFTER_READY, byStatus);
            assertThat(answers).filteredOn(a -> a.status() >= 500).allSatisfy(answer -> {
                assertThat(answer.status()).isEqualTo(503);
                assertThat(answer.retryAfter()).isNotBlank();
                assertThat(answer.contentType()).startsWith("application/problem+json");
            });
            assertThat(byStatus.getOrDefault(503, 0L)).as("requests answered while starting").isPositive();
            for (Answer answer : answers) {
                int expected = answer.status() == 202 || answer.status() == 200 ? 200 : 404;
                assertThat(app.get("/api/orders/" + answer.orderId()).statusCode())
                        .as("order %s answered %d", answer.orderId(), answer.status()).isEqualTo(expected);
            }
        }
    }

    /** Clients post new orders until the readiness probe says ready and some orders were taken after it. */
    private static List<Answer> postUntilReady(ApplicationProcess app) throws Exception {
        AtomicBoolean ready = new AtomicBoolean();
        AtomicInteger acceptedAfterReady = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<List<Answer>>> results = new ArrayList<>();
            for (int client = 0; client < CLIENTS; client++) {
                results.add(clients.submit(() -> {
                    List<Answer> answers = new ArrayList<>();
                    while (acceptedAfterReady.get() < ACCEPTED_AFTER_READY) {
                        boolean readyBefore = ready.get();
                        Answer answer = postOrder(app, answers.size());
                        answers.add(answer);
                        if (readyBefore && answer.status() / 100 == 2) {
                            acceptedAfterReady.incrementAndGet();
                        }
                    }
                    return answers;
                }));
            }
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                    .until(() -> app.get("/actuator/health/readiness").statusCode() == 200);
            ready.set(true);
            List<Answer> all = new ArrayList<>();
            for (Future<List<Answer>> result : results) {
                all.addAll(result.get());
            }
            return all;
        } finally {
            clients.shutdownNow();
        }
    }

    private static Answer postOrder(ApplicationProcess app, int n) throws IOException, InterruptedException {
        String orderId = "startup-" + UUID.randomUUID();
        String body = "{\"orderId\":\"" + orderId + "\",\"customerId\":\"customer-1\",\"items\":[{\"sku\":\"SKU-"
                + (n % 5 + 1) + "\",\"quantity\":1}],\"paymentToken\":\"tok_ok\"}";
        HttpResponse<String> answer = app.send("POST", "/api/orders", body);
        return new Answer(orderId, answer.statusCode(), answer.headers().firstValue("Retry-After").orElse(null),
                answer.headers().firstValue("Content-Type").orElse(""));
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
