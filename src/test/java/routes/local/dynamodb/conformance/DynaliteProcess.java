package routes.local.dynamodb.conformance;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs dynalite (pinned in src/test/dynalite/package-lock.json), the third-party DynamoDB emulator the
 * conformance suite cross-checks against, as a Node child process on 127.0.0.1 and a free port,
 * in memory, with no CREATING/DELETING delay. Installs it with {@code npm ci} on first use; its output
 * goes to target/dynalite/. Stopped when the JVM exits.
 */
final class DynaliteProcess {

    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final URI endpoint;

    private DynaliteProcess(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "dynalite-stop"));
    }

    static DynaliteProcess start() {
        Path projectDir = projectDir();
        Path dynaliteDir = projectDir.resolve("src/test/dynalite");
        Path logDir = projectDir.resolve("target/dynalite");
        createDirectories(logDir);
        installIfMissing(dynaliteDir, logDir);
        int port = freePort();
        Path log = logDir.resolve("dynalite-" + port + ".log");
        ProcessBuilder builder = new ProcessBuilder("node", "node_modules/dynalite/cli.js",
                "--host", "127.0.0.1", "--port", Integer.toString(port),
                "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0")
                .directory(dynaliteDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        DynaliteProcess dynalite = new DynaliteProcess(startProcess(builder), URI.create("http://127.0.0.1:" + port));
        dynalite.awaitListening(port, log);
        return dynalite;
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
                        throw new IllegalStateException("dynalite exited with code " + process.exitValue() + ":\n" + tail(log));
                    }
                    try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
                        return true;
                    } catch (IOException e) {
                        return false;
                    }
                });
    }

    private void stop() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** A fresh clone has no node_modules: install the locked version so the suite needs no manual step. */
    private static synchronized void installIfMissing(Path dynaliteDir, Path logDir) {
        if (Files.isRegularFile(dynaliteDir.resolve("node_modules/dynalite/cli.js"))) {
            return;
        }
        Path log = logDir.resolve("npm-ci.log");
        Process npm = startProcess(new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
                .directory(dynaliteDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile()));
        try {
            if (!npm.waitFor(INSTALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                npm.destroyForcibly();
                throw new IllegalStateException("npm ci in " + dynaliteDir + " took longer than " + INSTALL_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            npm.destroyForcibly();
            throw new IllegalStateException("interrupted while installing dynalite", e);
        }
        if (npm.exitValue() != 0) {
            throw new IllegalStateException("npm ci in " + dynaliteDir + " failed:\n" + tail(log));
        }
    }

    private static Process startProcess(ProcessBuilder builder) {
        try {
            return builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("The dynalite cross-check needs Node.js 20+ and npm on the PATH: " + e.getMessage(), e);
        }
    }

    /** Surefire sets basedir; from an IDE walk up to the module. */
    private static Path projectDir() {
        String basedir = System.getProperty("basedir");
        Path start = (basedir != null ? Path.of(basedir) : Path.of("")).toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("src/test/dynalite/package.json"))) {
                return dir;
            }
        }
        throw new IllegalStateException("Cannot find src/test/dynalite/package.json above " + start);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for dynalite", e);
        }
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
            return "(cannot read " + file + ")";
        }
    }
}
