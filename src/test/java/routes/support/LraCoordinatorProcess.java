package routes.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The LRA coordinator as an operator runs it ({@code java -jar lra-coordinator/target/lra-coordinator.jar}),
 * on a free port with its object store in a directory of the test's: started, killed with SIGKILL
 * and started again on the same store. {@code mvn verify} builds the jar before the tests.
 */
public final class LraCoordinatorProcess implements AutoCloseable {

    public static final Path JAR = Path.of("lra-coordinator", "target", "lra-coordinator.jar");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final Path workDir;
    private final int port;
    private Process process;
    private int starts;

    private LraCoordinatorProcess(Path workDir, int port) {
        this.workDir = workDir;
        this.port = port;
    }

    /** Starts a coordinator keeping its store under {@code workDir}; returns once it answers. */
    public static LraCoordinatorProcess start(Path workDir) {
        return start(workDir, FreePorts.next());
    }

    /** Starts a coordinator on the given port: for runs that keep to a port range of their own. */
    public static LraCoordinatorProcess start(Path workDir, int port) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: mvn verify builds it, or run mvn -f lra-coordinator/pom.xml package");
        }
        LraCoordinatorProcess coordinator = new LraCoordinatorProcess(workDir, port);
        coordinator.startAgain();
        return coordinator;
    }

    /** Starts it (again) on the same port and object store. */
    public synchronized void startAgain() {
        starts++;
        try {
            Files.createDirectories(workDir);
            Path log = workDir.resolve("coordinator-" + starts + ".log");
            process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dlra.coordinator.port=" + port,
                    "-Dlra.coordinator.object-store-dir=" + workDir.resolve("object-store").toAbsolutePath(),
                    "-jar", JAR.toAbsolutePath().toString()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("the coordinator exited with " + process.exitValue() + ": see " + workDir);
            }
            return HTTP.send(HttpRequest.newBuilder(url()).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        });
    }

    /** {@code http://127.0.0.1:<port>/lra-coordinator}: the application's {@code app.saga.lra.coordinator-url}. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + port + "/lra-coordinator");
    }

    /** The coordinator's word on a saga: its status, or "gone" once it forgot it. */
    public String status(String sagaId) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(sagaId + "/status"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 404 ? "gone" : response.body().strip();
    }

    /**
     * True once the coordinator has tried to compensate the saga and could not reach a participant. Its log is
     * the witness, not its status: in Narayana 1.1.0 a recovery pass during the time limit loads a copy of the
     * saga whose own timer may win the cancel, and the status endpoint then reads Active until the saga ends.
     */
    public boolean failedToCompensate(String sagaId) throws IOException {
        String failure = "failed for LRA " + sagaId + " ";
        try (var logs = Files.list(workDir)) {
            for (Path log : logs.filter(path -> path.getFileName().toString().startsWith("coordinator-")).toList()) {
                if (Files.readAllLines(log).stream()
                        .anyMatch(line -> line.contains("doEnd(compensate)") && line.contains(failure))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** SIGKILL: the coordinator dies where it stands; its object store stays. */
    public synchronized void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public synchronized void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
            }
        }
    }
}
