package routes.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A third-party Node.js emulator pinned under src/test/&lt;name&gt; (package.json and its lockfile), the
 * way the contract tests run fauxqs and dynalite: installed with {@code npm ci} on first use, started
 * as a child process whose output goes to target/&lt;name&gt;/, stopped with its child processes.
 */
public final class PinnedNodePackage {

    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);
    private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase().startsWith("windows");

    private final String name;
    private final Path directory;
    private final Path logDir;
    private final String entryScript;

    private PinnedNodePackage(String name, Path directory, Path logDir, String entryScript) {
        this.name = name;
        this.directory = directory;
        this.logDir = logDir;
        this.entryScript = entryScript;
    }

    /** The package in src/test/{@code name}, whose command line is {@code node entryScript}. */
    public static PinnedNodePackage of(String name, String entryScript) {
        Path projectDir = projectDir("src/test/" + name + "/package.json");
        Path logDir = projectDir.resolve("target/" + name);
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PinnedNodePackage(name, projectDir.resolve("src/test/" + name), logDir, entryScript);
    }

    /** Installs the locked versions when node_modules lacks the entry script, then starts it; output to {@code log}. */
    public Process start(Path log, List<String> arguments, Map<String, String> environment) {
        installIfMissing();
        List<String> command = new ArrayList<>(List.of("node", entryScript));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        return run(builder, "node");
    }

    /** Where this package's logs go: target/{@code name}. */
    public Path logDir() {
        return logDir;
    }

    /** Stops the process and its children, forcibly after five seconds. */
    public static void stop(Process process) {
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

    /** A free port on the loopback interface, or on every interface for a server that cannot be told where to bind. */
    public static int freePort(boolean wildcard) {
        try (ServerSocket socket = wildcard ? new ServerSocket(0) : new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    /** The last twenty lines of a log, for an error message. */
    public static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }

    // A fresh clone has no node_modules: install the locked versions so `mvn verify` needs no manual step.
    private synchronized void installIfMissing() {
        if (Files.isRegularFile(directory.resolve(entryScript))) {
            return;
        }
        Path log = logDir.resolve("npm-ci.log");
        Process npm = run(new ProcessBuilder(WINDOWS ? "npm.cmd" : "npm", "ci", "--no-audit", "--no-fund")
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile()), "npm");
        try {
            if (!npm.waitFor(INSTALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                stop(npm);
                throw new IllegalStateException("npm ci in " + directory + " did not finish within " + INSTALL_TIMEOUT
                        + "; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            npm.destroyForcibly();
            throw new IllegalStateException("interrupted while installing " + name, e);
        }
        if (npm.exitValue() != 0) {
            throw new IllegalStateException("npm ci in " + directory + " failed with exit code " + npm.exitValue()
                    + "; last lines of " + log + ":\n" + tail(log));
        }
    }

    private Process run(ProcessBuilder builder, String tool) {
        try {
            return builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("The " + name + " tests need Node.js 20+ and npm on the PATH, but '" + tool
                    + "' could not be started: " + e.getMessage(), e);
        }
    }

    /** Surefire sets basedir; from an IDE the working directory is usually the module, else walk up to it. */
    private static Path projectDir(String marker) {
        String basedir = System.getProperty("basedir");
        Path start = (basedir != null ? Path.of(basedir) : Path.of("")).toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(marker))) {
                return dir;
            }
        }
        throw new IllegalStateException("Cannot find " + marker + " above " + start);
    }
}
