package routes.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Runs the third-party SNS/SQS emulator fauxqs (pinned in src/test/fauxqs/package-lock.json) as a
 * Node.js child process for the contract tests. Installs it with {@code npm ci} on first use, starts
 * {@code node node_modules/fauxqs/dist/cli.js} on a free port and writes its request log to
 * target/fauxqs/. fauxqs 1.9.2 always listens on 0.0.0.0 (its CLI has no bind-address option;
 * FAUXQS_HOST only changes the host in queue URLs, so it is left unset); the tests talk to it on
 * 127.0.0.1 only.
 */
public final class FauxqsProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final URI endpoint;
    private final Path logFile;
    private final Thread killOnExit;
    private SnsClient sns;
    private SqsClient sqs;

    private FauxqsProcess(Process process, URI endpoint, Path logFile) {
        this.process = process;
        this.endpoint = endpoint;
        this.logFile = logFile;
        this.killOnExit = new Thread(this::stop, "fauxqs-kill-on-exit");
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    public static FauxqsProcess start() {
        PinnedNodePackage fauxqs = PinnedNodePackage.of("fauxqs", "node_modules/fauxqs/dist/cli.js");
        // fauxqs listens on every interface whatever it is told, so the free port is taken there.
        int port = PinnedNodePackage.freePort(true);
        Path logFile = fauxqs.logDir().resolve("fauxqs-" + port + ".log");
        Process process = fauxqs.start(logFile, List.of(), Map.of("FAUXQS_PORT", Integer.toString(port),
                "FAUXQS_DEFAULT_REGION", LocalAwsClients.REGION.id()));
        FauxqsProcess running = new FauxqsProcess(process, URI.create("http://127.0.0.1:" + port), logFile);
        try {
            running.awaitHealthy();
        } catch (RuntimeException e) {
            running.close();
            throw e;
        }
        return running;
    }

    public URI endpoint() {
        return endpoint;
    }

    /** An SNS client on this fauxqs, closed with it. */
    public synchronized SnsClient sns() {
        if (sns == null) {
            sns = LocalAwsClients.sns(endpoint);
        }
        return sns;
    }

    /** An SQS client on this fauxqs, closed with it. */
    public synchronized SqsClient sqs() {
        if (sqs == null) {
            sqs = LocalAwsClients.sqs(endpoint);
        }
        return sqs;
    }

    @Override
    public void close() {
        if (sns != null) {
            sns.close();
        }
        if (sqs != null) {
            sqs.close();
        }
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down and runs the hook itself
        }
    }

    private void stop() {
        PinnedNodePackage.stop(process);
    }

    private void awaitHealthy() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(endpoint.resolve("/health")).timeout(Duration.ofSeconds(2)).build();
        await("fauxqs answering on " + endpoint + " (log: " + logFile + ")")
                .atMost(START_TIMEOUT)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("fauxqs exited with code " + process.exitValue()
                                + "; last lines of " + logFile + ":\n" + PinnedNodePackage.tail(logFile));
                    }
                    try {
                        return http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                    } catch (IOException e) {
                        return false;
                    }
                });
    }
}
