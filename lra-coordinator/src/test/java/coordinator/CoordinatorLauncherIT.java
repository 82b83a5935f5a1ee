package coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Runs target/lra-coordinator.jar as a process and talks to it over HTTP, as camel-lra does. */
class CoordinatorLauncherIT {

    @TempDir
    Path work;

    private Path store() {
        return work.resolve("object-store");
    }

    private Path logs() {
        return work.resolve("logs");
    }

    @Test
    void startsAnLraReportsItActiveAndClosesIt() {
        int port = TestPorts.free();
        try (CoordinatorProcess coordinator = CoordinatorProcess.start(port, store(), logs())) {
            CoordinatorClient client = new CoordinatorClient(port);

            URI lra = client.start("launcher-it");

            assertThat(lra.toString()).startsWith("http://127.0.0.1:" + port + "/lra-coordinator/");
            assertThat(client.status(lra)).satisfies(answers(200, "Active"));
            assertThat(client.close(lra)).satisfies(answers(200, "Closed"));
            assertThat(coordinator.stdoutText())
                    .contains("lra-coordinator: listening on http://127.0.0.1:" + port + "/lra-coordinator");
        }
    }

    enum Outcome {
        CLOSED("close", "/participant/complete"),
        CANCELLED("cancel", "/participant/compensate");

        private final String action;
        private final String callbackPath;

        Outcome(String action, String callbackPath) {
            this.action = action;
            this.callbackPath = callbackPath;
        }

        HttpResponse<String> apply(CoordinatorClient client, URI lra) {
            return action.equals("close") ? client.close(lra) : client.cancel(lra);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Outcome.class)
    void theCoordinatorCallsAJoinedParticipantWithTheOutcome(Outcome outcome) {
        int port = TestPorts.free();
        try (CoordinatorProcess coordinator = CoordinatorProcess.start(port, store(), logs());
             ParticipantStub participant = new ParticipantStub(TestPorts.free())) {
            CoordinatorClient client = new CoordinatorClient(port);
            URI lra = client.start("participant-it");

            assertThat(client.join(lra, participant.joinLink()).statusCode()).isEqualTo(200);
            assertThat(outcome.apply(client, lra).statusCode()).isEqualTo(200);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(participant.callbacks())
                    .containsExactly(new ParticipantStub.Callback("PUT", outcome.callbackPath, lra.toString())));
        }
    }

    enum Stop {
        GRACEFULLY(CoordinatorProcess::stop),
        KILLED(CoordinatorProcess::kill);

        private final Consumer<CoordinatorProcess> action;

        Stop(Consumer<CoordinatorProcess> action) {
            this.action = action;
        }
    }

    @ParameterizedTest(name = "stopped {0}")
    @EnumSource(Stop.class)
    void anActiveLraIsStillKnownAfterTheCoordinatorRestartsOnTheSameStore(Stop stop) throws IOException {
        int port = TestPorts.free();
        URI lra;
        try (CoordinatorProcess first = CoordinatorProcess.start(port, store(), logs())) {
            lra = new CoordinatorClient(port).start("survives-restart");
            stop.action.accept(first);
        }
        assertThat(filesUnder(store())).as("the LRA's log in the configured store").contains(lastSegment(lra));

        try (CoordinatorProcess second = CoordinatorProcess.start(port, store(), logs())) {
            CoordinatorClient client = new CoordinatorClient(port);

            assertThat(client.status(lra)).satisfies(answers(200, "Active"));
            assertThat(client.close(lra)).satisfies(answers(200, "Closed"));
        }
    }

    @Test
    void aGracefulStopSaysSo() {
        int port = TestPorts.free();
        try (CoordinatorProcess coordinator = CoordinatorProcess.start(port, store(), logs())) {
            coordinator.stop();

            assertThat(coordinator.stdoutText()).contains("lra-coordinator: stopped");
        }
    }

    @Test
    void refusesToStartOnATakenPortNamingIt() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", TestPorts.free()));
            int port = taken.getLocalPort();

            try (CoordinatorProcess coordinator = CoordinatorProcess.launch(port, store(), logs())) {
                assertThat(coordinator.awaitExit()).isEqualTo(CoordinatorLauncher.BAD_SETTINGS);
                assertThat(coordinator.stderrText())
                        .contains("cannot listen on 127.0.0.1:" + port + ", the port is already in use");
            }
        }
    }

    @Test
    void refusesToStartOnAnObjectStoreAnotherCoordinatorServes() {
        int port = TestPorts.free();
        try (CoordinatorProcess running = CoordinatorProcess.start(port, store(), logs());
             CoordinatorProcess second = CoordinatorProcess.launch(TestPorts.free(), store(), logs())) {

            assertThat(second.awaitExit()).isEqualTo(CoordinatorLauncher.BAD_SETTINGS);
            assertThat(second.stderrText()).contains("the object store " + store() + " is in use by another coordinator");
        }
    }

    private static List<String> filesUnder(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).map(file -> file.getFileName().toString()).toList();
        }
    }

    private static String lastSegment(URI lra) {
        String path = lra.getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static Consumer<HttpResponse<String>> answers(int status, String body) {
        return response -> {
            assertThat(response.statusCode()).as("HTTP status, body %s", response.body()).isEqualTo(status);
            assertThat(response.body()).contains(body);
        };
    }
}
