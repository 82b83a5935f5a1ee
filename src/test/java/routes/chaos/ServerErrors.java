package routes.chaos;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every 5xx the API answered, by code and by whether the application was up (past its health
 * check) or still starting; and the first few bodies of each code, for the report.
 */
final class ServerErrors {

    private static final int SAMPLES_PER_CODE = 3;

    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final Map<Integer, List<String>> samples = new ConcurrentHashMap<>();

    void record(int status, boolean applicationUp, String body) {
        String key = status + (applicationUp ? " (while up)" : " (while starting)");
        counts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        List<String> sample = samples.computeIfAbsent(status, k -> new CopyOnWriteArrayList<>());
        if (sample.size() < SAMPLES_PER_CODE) {
            sample.add(body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "…" : body);
        }
    }

    Map<String, Integer> byCode() {
        Map<String, Integer> sorted = new TreeMap<>();
        counts.forEach((code, count) -> sorted.put(code, count.get()));
        return sorted;
    }

    int count(int status) {
        return counts.entrySet().stream().filter(e -> e.getKey().startsWith(Integer.toString(status)))
                .mapToInt(e -> e.getValue().get()).sum();
    }

    /** 500s fail the run: the API must never answer one. */
    int internalErrors() {
        return count(500);
    }

    Map<Integer, List<String>> samples() {
        return new TreeMap<>(samples);
    }
}
