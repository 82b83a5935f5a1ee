package routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import routes.support.FreePorts;

/** The application as a user runs it: started in its own JVM, healthy, then stopped with SIGTERM (Ctrl-C). */
class GracefulShutdownTest {

    @TempDir Path logs;

    @Test
    void sigtermStopsCamelThenTheEmulatorsAndReleasesEveryPort() throws Exception {
        List<Integer> ports = List.of(FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next());
        Path log = logs.resolve("app.log");
        Process app = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Application.class.getName(),
                "--server.port=" + ports.get(0), "--app.local.dynamodb-port=" + ports.get(1),
                "--app.local.sqs-port=" + ports.get(2), "--app.local.sns-port=" + ports.get(3))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest health = HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + ports.get(0) + "/actuator/health")).build();
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() ->
                    assertThat(http.send(health, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200));

            app.destroy(); // SIGTERM, as Ctrl-C or a container stop sends it

            assertThat(app.waitFor(60, TimeUnit.SECONDS)).as("exited after SIGTERM").isTrue();
        } finally {
            app.destroyForcibly();
        }
        String output = Files.readString(log);
        assertThat(output).contains("Local AWS emulators stopped");
        assertThat(output.indexOf("Apache Camel")).isLessThan(output.lastIndexOf("Local AWS emulators stopped"));
        assertThat(output.lastIndexOf("shutdown")).isLessThan(output.lastIndexOf("Local AWS emulators stopped"));
        assertThat(app.descendants()).isEmpty();
        for (int port : ports) {
            assertThat(isFree(port)).as("port %d released", port).isTrue();
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
