package routes.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import routes.Application;

/**
 * The application in a JVM of its own, as a user runs it, so that a test can stop it with SIGTERM
 * or kill it with SIGKILL and start it again.
 */
public final class ApplicationProcess implements AutoCloseable {

    /** The HTTP port and the three emulator ports of one instance. */
    public record Ports(int http, int dynamodb, int sqs, int sns) {
        public static Ports free() {
            return new Ports(FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next());
        }

        public List<Integer> all() {
            return List.of(http, dynamodb, sqs, sns);
        }
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Process process;
    private final Ports ports;

    private ApplicationProcess(Process process, Ports ports) {
        this.process = process;
        this.ports = ports;
    }

    /**
     * Starts the application and waits until {@code /actuator/health} answers 200. Instances whose
     * logs share a directory share a cluster directory too: one of them leads the outbox relay.
     */
    public static ApplicationProcess start(Ports ports, Path log, String... arguments) {
        ApplicationProcess app = launch(Application.class.getName(), ports, log, arguments);
        try {
            await().atMost(Duration.ofSeconds(90)).ignoreExceptions()
                    .until(() -> app.get("/actuator/health").statusCode() == 200);
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
        return app;
    }

    /** Starts the application and returns at once: for a test that talks to it while it starts. */
    public static ApplicationProcess startWithoutWaiting(Ports ports, Path log, String... arguments) {
        return launch(Application.class.getName(), ports, log, arguments);
    }

    /** The emulators on their own ({@code LocalEmulatorsMain}), once all three ports answer. */
    public static ApplicationProcess startEmulators(Ports ports, Path log) {
        ApplicationProcess emulators = launch("routes.local.LocalEmulatorsMain", ports, log);
        try {
            await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> {
                for (int port : List.of(ports.dynamodb(), ports.sqs(), ports.sns())) {
                    new java.net.Socket("127.0.0.1", port).close();
                }
                return true;
            });
        } catch (RuntimeException e) {
            emulators.close();
            throw e;
        }
        return emulators;
    }

    /** Arguments that point an application in endpoint mode at emulators started by {@link #startEmulators}. */
    public static String[] endpointMode(Ports emulators) {
        return new String[] {"--app.aws.mode=endpoint",
                "--app.aws.endpoints.dynamodb=http://127.0.0.1:" + emulators.dynamodb(),
                "--app.aws.endpoints.sqs=http://127.0.0.1:" + emulators.sqs(),
                "--app.aws.endpoints.sns=http://127.0.0.1:" + emulators.sns()};
    }

    private static ApplicationProcess launch(String mainClass, Ports ports, Path log, String... arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), mainClass,
                "--server.port=" + ports.http(), "--app.local.dynamodb-port=" + ports.dynamodb(),
                "--app.local.sqs-port=" + ports.sqs(), "--app.local.sns-port=" + ports.sns(),
                "--camel.cluster.file.root=" + log.getParent().resolve("cluster")));
        command.addAll(List.of(arguments));
        try {
            return new ApplicationProcess(new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start(), ports);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Ports ports() {
        return ports;
    }

    public Process process() {
        return process;
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> send(String method, String path, String json) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** SIGTERM, as Ctrl-C or a container stop sends it; true when the JVM exited in time. */
    public boolean terminate(Duration within) throws InterruptedException {
        process.destroy();
        return process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** SIGKILL: the JVM dies where it stands, nothing runs on the way out. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + ports.http() + path);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
