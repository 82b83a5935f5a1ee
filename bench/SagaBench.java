import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import routes.aws.resources.ResourceNames;
import routes.inventory.InventoryReservation;
import routes.inventory.InventoryStore;
import routes.order.OrderDecisions;
import routes.order.OrderEvents;
import routes.ordersaga.Order;
import routes.ordersaga.OrderLine;
import routes.ordersaga.OrderLog;
import routes.outbox.OutboxItems;
import routes.payment.PaymentCapture;
import routes.payment.PaymentProperties;
import routes.payment.PaymentRefund;
import routes.payment.PaymentStore;
import routes.payment.ProviderOutage;
import routes.payment.SimulatedPaymentProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Sagas per second and POST → final state latency through the running application, against the
 * same DynamoDB transactions (create, reserve, capture, confirm, each with its outbox event) issued
 * straight through the SDK with the application's own classes and no Camel or HTTP in between: the
 * ceiling this machine and emulator allow. Rounds alternate the two, so both see the same noise.
 *
 * With a sixth argument {@code direct-only} (bench/saga-tx-bench.sh, the application started with its
 * routes off) it measures the direct path alone: the saga's transactions on an otherwise idle emulator.
 *
 * Usage: java -cp CLASSPATH bench/SagaBench.java BASE_URL DYNAMODB_URL ORDERS CONCURRENCY ROUNDS [direct-only]
 */
public class SagaBench {

    static final String SKU = "BENCH-1";

    public static void main(String[] args) throws Exception {
        String base = args[0];
        URI dynamoEndpoint = URI.create(args[1]);
        int orders = Integer.parseInt(args[2]);
        int concurrency = Integer.parseInt(args[3]);
        int rounds = Integer.parseInt(args[4]);
        boolean directOnly = args.length > 5 && args[5].equals("direct-only");

        // The direct path logs through the application's classes; keep the figures readable.
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(concurrency)).build();
        send(http, "PUT", base + "/api/inventory/" + SKU, "{\"available\":100000000,\"price\":1.00}");
        DynamoDbClient dynamoDb = DynamoDbClient.builder().region(Region.US_EAST_1).endpointOverride(dynamoEndpoint)
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(concurrency * 2))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
        Direct direct = new Direct(dynamoDb);

        if (directOnly) {
            runDirectOnly(direct, orders, concurrency, rounds);
            dynamoDb.close();
            System.exit(0);
        }
        System.out.printf("warm-up: %d orders each way%n", Math.min(orders, 100));
        run(concurrency, Math.min(orders, 100), () -> viaApplication(http, base));
        run(concurrency, Math.min(orders, 100), direct::saga);

        List<Double> appRates = new ArrayList<>();
        List<Double> directRates = new ArrayList<>();
        List<Long> appLatencies = Collections.synchronizedList(new ArrayList<>());
        for (int round = 1; round <= rounds; round++) {
            Result app = run(concurrency, orders, () -> viaApplication(http, base));
            Result sdk = run(concurrency, orders, direct::saga);
            appRates.add(app.rate());
            directRates.add(sdk.rate());
            appLatencies.addAll(app.latenciesMicros());
            System.out.printf("round %d: application %.1f sagas/s (p50 %.1f ms), direct SDK %.1f sagas/s%n",
                    round, app.rate(), percentile(app.latenciesMicros(), 50) / 1000.0, sdk.rate());
        }
        double appMedian = median(appRates);
        double directMedian = median(directRates);
        System.out.printf("%nOrders per round %d, concurrency %d, rounds %d%n", orders, concurrency, rounds);
        System.out.printf("application (HTTP → Camel saga → DynamoDB): median %.1f sagas/s, POST→final p50 %.1f ms, p99 %.1f ms%n",
                appMedian, percentile(appLatencies, 50) / 1000.0, percentile(appLatencies, 99) / 1000.0);
        System.out.printf("direct SDK, same transactions, no Camel:    median %.1f sagas/s%n", directMedian);
        System.out.printf("ratio application / direct: %.2f%n", appMedian / directMedian);
        dynamoDb.close();
        System.exit(0);
    }

    /** The direct path alone, single-threaded and at the given concurrency, after a full warm-up round each. */
    static void runDirectOnly(Direct direct, int orders, int concurrency, int rounds) throws Exception {
        for (int threads : List.of(1, concurrency)) {
            run(threads, orders, direct::saga);
            List<Double> rates = new ArrayList<>();
            List<Long> latencies = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                Result result = run(threads, orders, direct::saga);
                rates.add(result.rate());
                latencies.addAll(result.latenciesMicros());
            }
            System.out.printf("saga transactions straight on the emulator, %2d thread(s): median %.1f sagas/s, "
                    + "saga p50 %.1f ms, p99 %.1f ms (%d orders x %d rounds after a warm-up round)%n", threads,
                    median(rates), percentile(latencies, 50) / 1000.0, percentile(latencies, 99) / 1000.0, orders, rounds);
        }
        System.out.println("Reference (issue 8): DynamoDB Local managed about 38 sagas/s for these transactions.");
    }

    /** One order through the API, waiting for its final state; returns the latency in µs. */
    static long viaApplication(HttpClient http, String base) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/api/orders"))
                .header("Content-Type", "application/json").header("Prefer", "wait=30")
                .POST(HttpRequest.BodyPublishers.ofString("{\"customerId\":\"bench\",\"items\":[{\"sku\":\"" + SKU
                        + "\",\"quantity\":1}],\"paymentToken\":\"tok_ok\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200 || !answer.body().contains("\"CONFIRMED\"")) {
            throw new IllegalStateException("order did not confirm: " + answer.statusCode() + " " + answer.body());
        }
        return (System.nanoTime() - start) / 1000;
    }

    /** The saga's four transactions with the application's classes, straight on the SDK. */
    static final class Direct {
        final OrderLog orders;
        final InventoryReservation inventory;
        final PaymentCapture payment;

        Direct(DynamoDbClient dynamoDb) {
            ResourceNames names = new Binder(new MapConfigurationPropertySource()).bindOrCreate("app.resources", ResourceNames.class);
            orders = new OrderLog(dynamoDb, new OutboxItems(names), names, Clock.systemUTC());
            inventory = new InventoryReservation(orders, new InventoryStore(dynamoDb, names));
            SimulatedPaymentProvider provider = new SimulatedPaymentProvider(dynamoDb, names,
                    new PaymentProperties(Duration.ZERO, Duration.ZERO, 0), new ProviderOutage(Clock.systemUTC()));
            PaymentStore store = new PaymentStore(dynamoDb, names);
            payment = new PaymentCapture(orders, provider, store, new PaymentRefund(orders, provider, store));
        }

        long saga() {
            long start = System.nanoTime();
            String orderId = "direct-" + UUID.randomUUID();
            Instant now = Instant.now();
            Order order = Order.placed(orderId, "bench", List.of(new OrderLine(SKU, 1, BigDecimal.ONE)), "tok_ok", "bench", now);
            orders.create(order, OrderEvents.CREATED, OrderEvents.created(order), null);
            inventory.reserve(orderId);
            payment.capture(orderId, "tok_ok");
            orders.apply(orderId, OrderDecisions::confirm);
            return (System.nanoTime() - start) / 1000;
        }
    }

    interface Saga {
        long run() throws Exception;
    }

    record Result(double rate, List<Long> latenciesMicros) {}

    static Result run(int concurrency, int count, Saga saga) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<Long>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            futures.add(pool.submit(saga::run));
        }
        List<Long> latencies = new ArrayList<>();
        for (Future<Long> future : futures) {
            latencies.add(future.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return new Result(count / seconds, latencies);
    }

    static void send(HttpClient http, String method, String url, String body) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + url + " → " + answer.statusCode() + " " + answer.body());
        }
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static double percentile(List<Long> values, int p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
