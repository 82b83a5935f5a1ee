import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Sagas per second and POST → final state latency of the same load on two running instances of the
 * application, one per saga mode (in-memory, lra), rounds alternating (and which mode goes first
 * alternating too) so both see the same noise. Every order is tok_ok and waits for its final state
 * ({@code Prefer: wait=30}); one that does not end CONFIRMED stops the benchmark.
 *
 * Usage: java -cp CLASSPATH bench/SagaModeBench.java IN_MEMORY_BASE_URL LRA_BASE_URL ORDERS CONCURRENCY ROUNDS
 */
public class SagaModeBench {

    static final String SKU = "BENCH-MODE-1";

    public static void main(String[] args) throws Exception {
        Map<String, String> modes = new LinkedHashMap<>();
        modes.put("in-memory", args[0]);
        modes.put("lra", args[1]);
        int orders = Integer.parseInt(args[2]);
        int concurrency = Integer.parseInt(args[3]);
        int rounds = Integer.parseInt(args[4]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(concurrency)).build();

        Map<String, List<Result>> results = new LinkedHashMap<>();
        for (Map.Entry<String, String> mode : modes.entrySet()) {
            send(http, mode.getValue() + "/api/inventory/" + SKU, "{\"available\":100000000,\"price\":1.00}");
            System.out.printf("warm-up %s: %d orders%n", mode.getKey(), Math.min(orders, 100));
            run(concurrency, Math.min(orders, 100), () -> placeAndWait(http, mode.getValue()));
            results.put(mode.getKey(), new ArrayList<>());
        }
        List<String> order = new ArrayList<>(modes.keySet());
        for (int round = 1; round <= rounds; round++) {
            for (String mode : order) {
                Result result = run(concurrency, orders, () -> placeAndWait(http, modes.get(mode)));
                results.get(mode).add(result);
                System.out.printf("round %d %-9s %6.1f sagas/s, POST→final p50 %6.1f ms, p99 %7.1f ms%n", round, mode,
                        result.rate(), result.p50Millis(), result.p99Millis());
            }
            Collections.reverse(order);
        }

        System.out.printf("%nOrders per round %d, concurrency %d, rounds %d per mode (medians over the rounds)%n",
                orders, concurrency, rounds);
        Map<String, double[]> medians = new LinkedHashMap<>();
        results.forEach((mode, list) -> {
            double[] m = {median(list.stream().map(Result::rate).toList()),
                    median(list.stream().map(Result::p50Millis).toList()),
                    median(list.stream().map(Result::p99Millis).toList())};
            medians.put(mode, m);
            System.out.printf("%-9s sagas/s %6.1f   POST→final p50 %6.1f ms   p99 %7.1f ms%n", mode, m[0], m[1], m[2]);
        });
        double[] memory = medians.get("in-memory");
        double[] lra = medians.get("lra");
        System.out.printf("ratio lra / in-memory: sagas/s %.2f, p50 %.2f, p99 %.2f%n", lra[0] / memory[0], lra[1] / memory[1],
                lra[2] / memory[2]);
        System.exit(0);
    }

    /** One order through the API, waiting for its final state; returns the latency in µs. */
    static long placeAndWait(HttpClient http, String base) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/api/orders"))
                .header("Content-Type", "application/json").header("Prefer", "wait=30")
                .POST(HttpRequest.BodyPublishers.ofString("{\"customerId\":\"bench\",\"items\":[{\"sku\":\"" + SKU
                        + "\",\"quantity\":1}],\"paymentToken\":\"tok_ok\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200 || !answer.body().contains("\"CONFIRMED\"")) {
            throw new IllegalStateException(base + ": order did not confirm: " + answer.statusCode() + " " + answer.body());
        }
        return (System.nanoTime() - start) / 1000;
    }

    interface Saga {
        long run() throws Exception;
    }

    record Result(double rate, double p50Millis, double p99Millis) {}

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
        return new Result(count / seconds, percentile(latencies, 50) / 1000.0, percentile(latencies, 99) / 1000.0);
    }

    static void send(HttpClient http, String url, String body) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() >= 300) {
            throw new IllegalStateException("PUT " + url + " → " + answer.statusCode() + " " + answer.body());
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
