package routes.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase().startsWith("windows");

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
        Path projectDir = projectDir();
        Path fauxqsDir = projectDir.resolve("src/test/fauxqs");
        Path logDir = projectDir.resolve("target/fauxqs");
        createDirectories(logDir);
        installIfMissing(fauxqsDir, logDir);
        int port = freePort();
        Path logFile = logDir.resolve("fauxqs-" + port + ".log");
        ProcessBuilder builder = new ProcessBuilder(command("node"), "node_modules/fauxqs/dist/cli.js")
                .directory(fauxqsDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().put("FAUXQS_PORT", Integer.toString(port));
        builder.environment().put("FAUXQS_DEFAULT_REGION", LocalAwsClients.REGION.id());
        FauxqsProcess fauxqs = new FauxqsProcess(startProcess(builder, "node"), URI.create("http://127.0.0.1:" + port), logFile);
        try {
            fauxqs.awaitHealthy();
        } catch (RuntimeException e) {
            fauxqs.close();
            throw e;
        }
        return fauxqs;
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
        List<ProcessHandle> tree = process.descendants().toList();
        tree.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                tree.forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
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
                                + "; last lines of " + logFile + ":\n" + tail(logFile));
                    }
                    try {
                        return http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                    } catch (IOException e) {
                        return false;
                    }
                });
    }

    /** A fresh clone has no node_modules: install the locked version so `mvn verify` needs no manual step. */
    private static synchronized void installIfMissing(Path fauxqsDir, Path logDir) {
        if (Files.isRegularFile(fauxqsDir.resolve("node_modules/fauxqs/dist/cli.js"))) {
            return;
        }
        Path log = logDir.resolve("npm-ci.log");
        ProcessBuilder builder = new ProcessBuilder(command("npm"), "ci", "--no-audit", "--no-fund")
                .directory(fauxqsDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Process npm = startProcess(builder, "npm");
        try {
            if (!npm.waitFor(INSTALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                npm.descendants().forEach(ProcessHandle::destroyForcibly);
                npm.destroyForcibly();
                throw new IllegalStateException("npm ci in " + fauxqsDir + " did not finish within " + INSTALL_TIMEOUT
                        + "; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            npm.destroyForcibly();
            throw new IllegalStateException("interrupted while installing fauxqs", e);
        }
        if (npm.exitValue() != 0) {
            throw new IllegalStateException("npm ci in " + fauxqsDir + " failed with exit code " + npm.exitValue()
                    + "; last lines of " + log + ":\n" + tail(log));
        }
    }

    private static Process startProcess(ProcessBuilder builder, String tool) {
        try {
            return builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("The fauxqs contract tests need Node.js 20+ and npm on the PATH, but '"
                    + tool + "' could not be started: " + e.getMessage(), e);
        }
    }

    /** Surefire sets basedir; from an IDE the working directory is usually the module, else walk up to it. */
    private static Path projectDir() {
        String basedir = System.getProperty("basedir");
        Path start = basedir != null ? Path.of(basedir) : Path.of("").toAbsolutePath();
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("src/test/fauxqs/package.json"))) {
                return dir;
            }
        }
        throw new IllegalStateException("Cannot find src/test/fauxqs/package.json above " + start);
    }

    private static int freePort() {
        // Bound on the wildcard address because that is where fauxqs will listen.
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for fauxqs", e);
        }
    }

    private static String command(String tool) {
        return WINDOWS && tool.equals("npm") ? "npm.cmd" : tool;
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }
}
