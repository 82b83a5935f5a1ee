package routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import routes.support.ApplicationProcess;

/** The application as a user runs it: started in its own JVM, healthy, then stopped with SIGTERM (Ctrl-C). */
class GracefulShutdownTest {

    @TempDir Path logs;

    @Test
    void sigtermStopsCamelThenTheEmulatorsAndReleasesEveryPort() throws Exception {
        Path log = logs.resolve("app.log");
        ApplicationProcess.Ports ports = ApplicationProcess.Ports.free();
        try (ApplicationProcess app = ApplicationProcess.start(ports, log)) {
            assertThat(app.terminate(Duration.ofSeconds(60))).as("exited after SIGTERM").isTrue();
            assertThat(app.process().descendants()).isEmpty();
        }
        String output = Files.readString(log);
        int camelStopped = output.indexOf("Apache Camel 4.17.0 (camel-saga-outbox) shutdown");
        int emulatorsStopped = output.indexOf("Local AWS emulators stopped");
        assertThat(camelStopped).as("Camel shut down").isPositive();
        assertThat(emulatorsStopped).as("emulators stopped after Camel").isGreaterThan(camelStopped);
        for (int port : ports.all()) {
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
