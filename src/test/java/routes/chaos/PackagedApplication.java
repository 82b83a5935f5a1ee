package routes.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged application ({@code java -jar}) on the run's data dir, as an operator runs it:
 * started, killed with SIGKILL and started again on the same data, one log per start
 * ({@code run-N.log}). Knows whether it is up, so 503s can be told apart from start-up ones.
 */
final class PackagedApplication implements AutoCloseable {

    // A 2-core machine shared with other test runs has taken more than 3 min to start it.
    private static final Duration READY_WITHIN = Duration.ofMinutes(5);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final ChaosSettings settings;
    private final List<String> sagaArguments;
    private final Map<String, String> environment;
    private Process process;
    private int runs;
    private volatile boolean up;

    /** In the default saga mode. */
    PackagedApplication(ChaosSettings settings) {
        this(settings, List.of(), Map.of());
    }

    /** With arguments and environment that choose the saga mode (see {@link ChaosCoordinator}). */
    PackagedApplication(ChaosSettings settings, List<String> sagaArguments, Map<String, String> environment) {
        this.settings = settings;
        this.sagaArguments = List.copyOf(sagaArguments);
        this.environment = Map.copyOf(environment);
    }

    /** The Spring Boot jar {@code mvn package} left in the directory (not the plain one). */
    static Path findJar(Path target) {
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar"))
                    .filter(p -> !p.getFileName().toString().endsWith("-plain.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no jar in " + target + ": run mvn -DskipTests package"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + target + ": run mvn -DskipTests package", e);
        }
    }

    /** Starts the application and returns once /actuator/health answers 200. */
    synchronized Instant start() throws InterruptedException {
        runs++;
        Path log = settings.workDir().resolve("run-" + runs + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", settings.jar().toAbsolutePath().toString(),
                "--app.local.data-dir=" + settings.workDir().resolve("data").toAbsolutePath(),
                "--camel.cluster.file.root=" + settings.workDir().resolve("cluster").toAbsolutePath(),
                "--server.port=" + settings.httpPort(),
                "--app.local.dynamodb-port=" + settings.dynamoDbPort(),
                "--app.local.sqs-port=" + settings.sqsPort(),
                "--app.local.sns-port=" + settings.snsPort()));
        command.addAll(sagaArguments);
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + settings.jar(), e);
        }
        Instant deadline = Instant.now().plus(READY_WITHIN);
        while (!healthy()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application exited with " + process.exitValue() + ": see " + log);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the application was not healthy within " + READY_WITHIN + ": see " + log);
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        up = true;
        return Instant.now();
    }

    /** SIGKILL: the JVM dies where it stands. */
    synchronized Instant kill() throws InterruptedException {
        up = false;
        Instant at = Instant.now();
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the application survived SIGKILL for 30 s");
        }
        return at;
    }

    /** True between a start's health check and the next kill or stop. */
    boolean up() {
        return up;
    }

    int runs() {
        return runs;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + settings.httpPort() + path);
    }

    private boolean healthy() {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri("/actuator/health")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** SIGTERM, then SIGKILL if it has not exited within 40 s. */
    @Override
    public synchronized void close() throws InterruptedException {
        up = false;
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(40, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }
}
