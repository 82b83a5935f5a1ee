package routes.saga.lra;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import routes.support.FreePorts;

/** When recovery may touch a saga in LRA mode, by what the coordinator answers about it. */
class LraCustodyTest {

    private HttpServer coordinator;
    private final AtomicInteger status = new AtomicInteger();
    private volatile String body = "";
    private LraCustody custody;
    private String sagaId;

    @BeforeEach
    void fakeCoordinator() throws IOException {
        coordinator = HttpServer.create(new InetSocketAddress("127.0.0.1", FreePorts.next()), 0);
        coordinator.createContext("/lra-coordinator/", exchange -> {
            byte[] answer = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status.get(), answer.length == 0 ? -1 : answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        coordinator.start();
        URI url = URI.create("http://127.0.0.1:" + coordinator.getAddress().getPort() + "/lra-coordinator");
        custody = new LraCustody(new TrustedCoordinator(url), Duration.ofSeconds(2));
        sagaId = url + "/0_ffff7f000001_1";
    }

    @AfterEach
    void stop() {
        coordinator.stop(0);
    }

    @ParameterizedTest(name = "{0} {1}: held={2}")
    @CsvSource({
            "200, Active, true",
            "200, Closing, true",
            "200, Cancelling, true",
            "200, FailedToCancel, false",
            "200, FailedToClose, false",
            "200, Cancelled, false",
            "200, Closed, false",
            "404, Cannot find transaction id, false",
            "410, Gone, false",
            "500, oops, true",
            "503, busy, true"})
    void theCoordinatorHoldsASagaWhileItStillDrivesIt(int code, String answer, boolean held) {
        status.set(code);
        body = answer;

        assertThat(custody.held(sagaId)).isEqualTo(held);
    }

    @org.junit.jupiter.api.Test
    void aCoordinatorThatCannotBeAskedStillHoldsTheSagaSoRecoveryWaits() {
        coordinator.stop(0);

        assertThat(custody.held(sagaId)).isTrue();
    }

    @org.junit.jupiter.api.Test
    void aSagaOfNoCoordinatorOfOursIsNotHeld() {
        status.set(200);
        body = "Active";

        assertThat(custody.held("saga-of-the-in-memory-service")).isFalse();
        assertThat(custody.held(null)).isFalse();
        assertThat(custody.held("http://127.0.0.1:1/lra-coordinator/0_1")).isFalse();
    }
}
