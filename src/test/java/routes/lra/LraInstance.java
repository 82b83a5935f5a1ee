package routes.lra;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import routes.support.ApplicationProcess;
import routes.support.LraCoordinatorProcess;
import routes.support.StoredState;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One application instance in LRA mode with a coordinator of its own, both as separate processes
 * under one directory of {@code target/}: the app keeps its data in a data dir, so a test can kill
 * either with SIGKILL and start it again on the same ports and the same state. Each start of the
 * app writes its own log ({@code app-1.log}, {@code app-2.log}, ...).
 */
final class LraInstance implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final LraCoordinatorProcess coordinator;
    private final String secret;
    private final ApplicationProcess.Ports ports = ApplicationProcess.Ports.free();
    private final List<String> settings;
    private final DynamoDbClient dynamoDb;
    private ApplicationProcess app;
    private int starts;

    private LraInstance(Path dir, LraCoordinatorProcess coordinator, String secret, List<String> settings) {
        this.dir = dir;
        this.coordinator = coordinator;
        this.secret = secret;
        this.settings = settings;
        this.dynamoDb = DynamoDbClient.builder().region(Region.US_EAST_1)
                .endpointOverride(URI.create("http://127.0.0.1:" + ports.dynamodb()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
    }

    /** Starts a coordinator, then the app in LRA mode against it with {@code extraSettings}. */
    static LraInstance start(Path dir, String... extraSettings) throws IOException {
        Files.createDirectories(dir);
        LraCoordinatorProcess coordinator = LraCoordinatorProcess.start(dir.resolve("coordinator"));
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String secret = Base64.getEncoder().encodeToString(random);
        List<String> settings = new ArrayList<>(List.of("--app.local.data-dir=" + dir.resolve("data").toAbsolutePath(),
                "--app.saga.mode=lra",
                "--app.saga.lra.coordinator-url=" + coordinator.url(),
                "--app.saga.lra.callback-secret=" + secret));
        settings.addAll(List.of(extraSettings));
        LraInstance instance = new LraInstance(dir, coordinator, secret, settings);
        try {
            instance.startApp();
        } catch (RuntimeException e) {
            instance.close();
            throw e;
        }
        return instance;
    }

    /** Starts the app (again): same ports, same data dir, a new log. */
    void startApp() {
        starts++;
        app = ApplicationProcess.startWithoutWaiting(ports, appLog(starts), settings.toArray(String[]::new));
        // Longer than ApplicationProcess.start's 90 s: on a busy 2-core builder the app has taken 80 s to start.
        ApplicationProcess starting = app;
        await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(500))
                .failFast("the app exited: see " + appLog(starts), () -> !starting.process().isAlive())
                .ignoreExceptions().until(() -> starting.get("/actuator/health").statusCode() == 200);
    }

    /** SIGKILL of the app. */
    void killApp() throws InterruptedException {
        app.kill();
    }

    LraCoordinatorProcess coordinator() {
        return coordinator;
    }

    ApplicationProcess app() {
        return app;
    }

    String secret() {
        return secret;
    }

    /** The log of the app's {@code run}-th start. */
    Path appLog(int run) {
        return dir.resolve("app-" + run + ".log");
    }

    String appLogText(int run) throws IOException {
        return Files.readString(appLog(run));
    }

    StoredState stored() {
        return new StoredState(dynamoDb);
    }

    void setStock(String sku, int available, String price) throws IOException, InterruptedException {
        HttpResponse<String> response = app.send("PUT", "/api/inventory/" + sku,
                "{\"available\":" + available + ",\"price\":" + price + "}");
        if (response.statusCode() != 200) {
            throw new IllegalStateException("stock of " + sku + " not set: " + response.statusCode() + " " + response.body());
        }
    }

    JsonNode order(String orderId) throws IOException, InterruptedException {
        return JSON.readTree(app.get("/api/orders/" + orderId).body());
    }

    /** The order's saga id, the LRA's URL at the coordinator (the API does not show it). */
    String sagaId(String orderId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName("orders").consistentRead(true)
                .key(Map.of("orderId", AttributeValue.fromS(orderId)))).item();
        return item.get("sagaId").s();
    }

    static String orderJson(String orderId, String sku, int quantity, String token) {
        return "{\"orderId\":\"" + orderId + "\",\"customerId\":\"customer-1\",\"items\":[{\"sku\":\"" + sku
                + "\",\"quantity\":" + quantity + "}],\"paymentToken\":\"" + token + "\"}";
    }

    /** True when the step's history shows it {@code status} (DONE, COMPENSATED...). */
    static boolean stepIs(JsonNode order, String step, String status) {
        for (JsonNode record : order.path("steps")) {
            if (step.equals(record.path("step").asText()) && status.equals(record.path("status").asText())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        try {
            if (app != null) {
                app.close();
                app.process().waitFor();
            }
            coordinator.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            dynamoDb.close();
        }
    }

    static Path workDir(String testName) {
        try {
            Path dir = Path.of("target", "lra-failover-it", testName + "-" + System.currentTimeMillis());
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
