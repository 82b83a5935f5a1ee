package routes.local.dynamodb.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The crash tests' writer in a child JVM prints "ACK …" for every write it was told is durable;
 * this reads those lines until enough have come, then kills the child where it stands.
 */
final class AcknowledgedWrites {

    private AcknowledgedWrites() {}

    /** What follows "ACK " on each acknowledged line, at least {@code atLeast} of them, read before the SIGKILL. */
    static List<String> untilKilled(Process child, int atLeast) throws InterruptedException {
        List<String> acks = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    if (line.startsWith("ACK ")) acks.add(line.substring(4));
                }
            } catch (IOException closedByTheKill) {
                // What was read before the kill is what the test checks.
            }
        });
        reader.start();
        try {
            await().atMost(Duration.ofMinutes(2)).until(() -> acks.size() >= atLeast || !child.isAlive());
        } finally {
            child.destroyForcibly();
        }
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        reader.join(Duration.ofSeconds(30).toMillis());
        assertThat(acks).as("acknowledged writes").hasSizeGreaterThanOrEqualTo(atLeast);
        return new ArrayList<>(acks);
    }
}
