package routes.local.dynamodb.conformance;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import routes.support.PinnedNodePackage;

/**
 * Runs dynalite (pinned in src/test/dynalite/package-lock.json), the third-party DynamoDB emulator the
 * conformance suite cross-checks against, as a Node child process on 127.0.0.1 and a free port,
 * in memory, with no CREATING/DELETING delay. Installs it with {@code npm ci} on first use; its output
 * goes to target/dynalite/. Stopped when the JVM exits.
 */
final class DynaliteProcess {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final URI endpoint;

    private DynaliteProcess(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "dynalite-stop"));
    }

    static DynaliteProcess start() {
        PinnedNodePackage dynalite = PinnedNodePackage.of("dynalite", "node_modules/dynalite/cli.js");
        int port = PinnedNodePackage.freePort(false);
        Path log = dynalite.logDir().resolve("dynalite-" + port + ".log");
        Process process = dynalite.start(log, List.of("--host", "127.0.0.1", "--port", Integer.toString(port),
                "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"), Map.of());
        DynaliteProcess running = new DynaliteProcess(process, URI.create("http://127.0.0.1:" + port));
        running.awaitListening(port, log);
        return running;
    }

    URI endpoint() {
        return endpoint;
    }

    private void awaitListening(int port, Path log) {
        await("dynalite listening on port " + port + " (log: " + log + ")")
                .atMost(START_TIMEOUT)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("dynalite exited with code " + process.exitValue() + ":\n" + PinnedNodePackage.tail(log));
                    }
                    try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
                        return true;
                    } catch (IOException e) {
                        return false;
                    }
                });
    }

    private void stop() {
        PinnedNodePackage.stop(process);
    }
}
