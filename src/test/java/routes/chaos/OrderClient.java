package routes.chaos;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Places one order as a careful client does: {@code Prefer: wait=30} for the final state, and the
 * same POST again (same order id, so no second order) when the connection fails, no answer comes,
 * or a 5xx comes back, after a backoff with jitter (Retry-After when the server gives one). Every
 * 5xx is recorded.
 */
final class OrderClient {

    /** What the client finally got for an order. */
    record Placement(PlannedOrder order, Instant firstSent, Instant answered, int status, String body, int attempts) {

        /** The API took the order (2xx). */
        boolean accepted() {
            return status / 100 == 2;
        }

        /**
         * The answer carried a final state, so the saga ran between firstSent and answered. A 200 to a
         * retried POST shows the order as it is then, which may still be PENDING.
         */
        boolean finalAnswer() {
            return status == 200 && FINAL.matcher(body).find();
        }
    }

    private static final Pattern FINAL = Pattern.compile("\"status\"\\s*:\\s*\"(CONFIRMED|CANCELLED)\"");
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(10);
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(45);
    private static final long MAX_BACKOFF_MILLIS = 5_000;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final PackagedApplication application;
    private final ServerErrors serverErrors;

    OrderClient(PackagedApplication application, ServerErrors serverErrors) {
        this.application = application;
        this.serverErrors = serverErrors;
    }

    Placement place(PlannedOrder order) throws InterruptedException {
        Instant firstSent = Instant.now();
        Instant giveUp = firstSent.plus(GIVE_UP_AFTER);
        int attempt = 0;
        while (true) {
            attempt++;
            long retryAfterMillis = 0;
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(application.uri("/api/orders"))
                        .timeout(ANSWER_WITHIN).header("Content-Type", "application/json").header("Prefer", "wait=30")
                        .POST(HttpRequest.BodyPublishers.ofString(order.json())).build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() < 500) {
                    return new Placement(order, firstSent, Instant.now(), answer.statusCode(), answer.body(), attempt);
                }
                serverErrors.record(answer.statusCode(), application.up(), answer.body());
                retryAfterMillis = answer.headers().firstValue("Retry-After").map(OrderClient::seconds).orElse(0L) * 1000;
            } catch (IOException connectionFailedOrNoAnswer) {
                // The application is down or restarting, or the answer did not come: the same POST again.
            }
            if (Instant.now().isAfter(giveUp)) {
                return new Placement(order, firstSent, Instant.now(), 0, "no answer after " + GIVE_UP_AFTER, attempt);
            }
            TimeUnit.MILLISECONDS.sleep(Math.min(MAX_BACKOFF_MILLIS, Math.max(retryAfterMillis, backoff(attempt))));
        }
    }

    private static long backoff(int attempt) {
        long base = Math.min(MAX_BACKOFF_MILLIS, 200L << Math.min(5, attempt - 1));
        return base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
    }

    private static long seconds(String retryAfter) {
        try {
            return Long.parseLong(retryAfter.trim());
        } catch (NumberFormatException httpDate) {
            return 1;
        }
    }
}
