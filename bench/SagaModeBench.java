import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * Sagas per second and POST → final state latency of the same load on two running instances of the
 * application, one per saga mode (in-memory, lra), rounds alternating (and which mode goes first
 * alternating too) so both see the same noise. Every order is tok_ok and waits for its final state
 * ({@code Prefer: wait=30}); one that does not end CONFIRMED stops the benchmark.
 *
 * Its timed run, order and statistics are SagaBench's (compiled beside it by saga-mode-bench.sh).
 *
 * Usage: java -cp target/bench-classes:CLASSPATH SagaModeBench IN_MEMORY_BASE_URL LRA_BASE_URL ORDERS CONCURRENCY ROUNDS
 */
public class SagaModeBench {

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
            SagaBench.send(http, "PUT", mode.getValue() + "/api/inventory/" + SagaBench.SKU, "{\"available\":100000000,\"price\":1.00}");
            System.out.printf("warm-up %s: %d orders%n", mode.getKey(), Math.min(orders, 100));
            SagaBench.run(concurrency, Math.min(orders, 100), () -> SagaBench.viaApplication(http, mode.getValue()));
            results.put(mode.getKey(), new ArrayList<>());
        }
        List<String> order = new ArrayList<>(modes.keySet());
        for (int round = 1; round <= rounds; round++) {
            for (String mode : order) {
                Result result = Result.of(SagaBench.run(concurrency, orders, () -> SagaBench.viaApplication(http, modes.get(mode))));
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
            double[] m = {SagaBench.median(list.stream().map(Result::rate).toList()),
                    SagaBench.median(list.stream().map(Result::p50Millis).toList()),
                    SagaBench.median(list.stream().map(Result::p99Millis).toList())};
            medians.put(mode, m);
            System.out.printf("%-9s sagas/s %6.1f   POST→final p50 %6.1f ms   p99 %7.1f ms%n", mode, m[0], m[1], m[2]);
        });
        double[] memory = medians.get("in-memory");
        double[] lra = medians.get("lra");
        System.out.printf("ratio lra / in-memory: sagas/s %.2f, p50 %.2f, p99 %.2f%n", lra[0] / memory[0], lra[1] / memory[1],
                lra[2] / memory[2]);
        System.exit(0);
    }

    /** The mode's figures of one round: sagas/s and the POST → final p50/p99 (ms), from SagaBench's timed run. */
    record Result(double rate, double p50Millis, double p99Millis) {
        static Result of(SagaBench.Result run) {
            return new Result(run.rate(), SagaBench.percentile(run.latenciesMicros(), 50) / 1000.0,
                    SagaBench.percentile(run.latenciesMicros(), 99) / 1000.0);
        }
    }
}
