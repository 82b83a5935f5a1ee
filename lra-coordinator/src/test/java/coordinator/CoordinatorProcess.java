package coordinator;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** target/lra-coordinator.jar run as {@code java -jar}, the way a user runs it; its output goes to files. */
final class CoordinatorProcess implements AutoCloseable {

    private static final Path JAR = Path.of("target", "lra-coordinator.jar");
    // start-up includes one recovery pass of the store, which waits Narayana's 10 s back-off between its two phases
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private CoordinatorProcess(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** Starts the jar without waiting for it to listen. */
    static CoordinatorProcess launch(int port, Path objectStore, Path logs) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        try {
            Files.createDirectories(logs);
            Path stdout = Files.createTempFile(logs, "coordinator-", ".out");
            Path stderr = Files.createTempFile(logs, "coordinator-", ".err");
            Process process = new ProcessBuilder(List.of(java,
                    "-Dlra.coordinator.port=" + port,
                    "-Dlra.coordinator.object-store-dir=" + objectStore,
                    "-jar", JAR.toAbsolutePath().toString()))
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile())
                    .start();
            return new CoordinatorProcess(process, stdout, stderr);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the jar and waits until it says it listens. */
    static CoordinatorProcess start(int port, Path objectStore, Path logs) {
        CoordinatorProcess coordinator = launch(port, objectStore, logs);
        await("the coordinator on port " + port + " to listen")
                .atMost(START_TIMEOUT)
                .pollInterval(Duration.ofMillis(200))
                .failFast("the coordinator exited: " + coordinator.stderrText(), () -> !coordinator.process.isAlive())
                .until(() -> coordinator.stdoutText().contains("lra-coordinator: listening on"));
        return coordinator;
    }

    /** SIGTERM: the shutdown hook stops the HTTP server and the recovery manager. */
    void stop() {
        process.destroy();
        awaitExit();
    }

    /** SIGKILL: nothing runs on the way out, as when the machine dies. */
    void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    int awaitExit() {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("the coordinator did not exit within 30 s");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String stdoutText() {
        return read(stdout);
    }

    String stderrText() {
        return read(stderr);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }
}
