package routes.saga.lra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.camel.saga.CamelSagaStep;
import org.apache.camel.service.lra.LRASagaStep;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import routes.saga.SagaCoordinatorUnavailableException;
import routes.saga.SagaEnded;
import routes.saga.TransientFailures;
import routes.support.FreePorts;

/** What the saga service makes of the coordinator's answers, against a coordinator that answers as told. */
class GuardedLraClientTest {

    private HttpServer server;
    private volatile int status;
    private volatile String location;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> links = new CopyOnWriteArrayList<>();
    private URI coordinatorUrl;
    private GuardedLraClient client;
    private CallbackSignature signature;

    @BeforeEach
    void coordinator() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", FreePorts.next()), 0);
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            Optional.ofNullable(exchange.getRequestHeaders().getFirst("Link")).ifPresent(links::add);
            if (location != null) {
                exchange.getResponseHeaders().add("Location", location);
            }
            byte[] body = "answer".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        coordinatorUrl = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/lra-coordinator");
        byte[] secret = new byte[32];
        Arrays.fill(secret, (byte) 's');
        GuardedLraSagaService service = new GuardedLraSagaService(new LraSettings(coordinatorUrl,
                URI.create("http://127.0.0.1:8080"), secret, Duration.ofSeconds(2), Duration.ofSeconds(30)));
        client = (GuardedLraClient) service.createLRAClient();
        signature = service.signature();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aSagaBeginsWithTheSagaTimeoutAsItsTimeLimit() {
        status = 201;
        location = coordinatorUrl + "/0_1";

        URL saga = client.newLRA(null).join();

        assertThat(saga).hasToString(coordinatorUrl + "/0_1");
        assertThat(requests).containsExactly("POST /lra-coordinator/start?TimeLimit=30000");
    }

    @Test
    void aSagaIdOfAnotherCoordinatorInTheAnswerIsRefused() {
        status = 201;
        location = "http://127.0.0.1:1/lra-coordinator/0_1";

        assertThatThrownBy(() -> client.newLRA(null).join()).hasCauseInstanceOf(UntrustedCoordinatorException.class);
    }

    @Test
    void aCoordinatorThatFailsOrIsDownMeansTheSagaCannotBegin() {
        status = 500;
        assertThatThrownBy(() -> client.newLRA(null).join()).hasCauseInstanceOf(SagaCoordinatorUnavailableException.class);

        server.stop(0);
        assertThatThrownBy(() -> client.newLRA(null).join()).hasCauseInstanceOf(SagaCoordinatorUnavailableException.class);
    }

    @Test
    void aStepJoinsWithoutATimeLimitAndWithSignedCallbacksForItsSagaAndOptions() throws Exception {
        status = 200;
        String sagaId = coordinatorUrl + "/0_1";

        client.join(new URL(sagaId), step(Map.of()), null).join();

        assertThat(requests).containsExactly("PUT /lra-coordinator/0_1");
        Matcher urls = Pattern.compile("<([^>]+)>; rel=(\\w+)").matcher(links.get(0));
        int found = 0;
        while (urls.find()) {
            URI callback = URI.create(urls.group(1));
            Map<String, String> query = Arrays.stream(callback.getQuery().split("&")).map(pair -> pair.split("=", 2))
                    .collect(Collectors.toMap(pair -> pair[0], pair -> pair[1]));
            String given = query.remove(CallbackSignature.PARAMETER);
            assertThat(callback.getPath()).isEqualTo("/lra-participant/" + urls.group(2));
            assertThat(signature.verify(callback.getPath(), sagaId, query, given)).isTrue();
            found++;
        }
        assertThat(found).isEqualTo(2);
    }

    @Test
    void joiningASagaTheCoordinatorEndedIsTheSagaEndedRefusal() throws Exception {
        for (int ended : new int[] {404, 410, 412}) {
            status = ended;

            assertThatThrownBy(() -> client.join(new URL(coordinatorUrl + "/0_1"), step(Map.of()), null).join())
                    .satisfies(failure -> assertThat(SagaEnded.isCause(failure)).isTrue());
        }
    }

    @Test
    void aCoordinatorTooBusyToLetAStepJoinIsATransientFailure() throws Exception {
        status = 503;

        assertThatThrownBy(() -> client.join(new URL(coordinatorUrl + "/0_1"), step(Map.of()), null).join())
                .isInstanceOf(CompletionException.class)
                .satisfies(failure -> assertThat(TransientFailures.isTransient(failure)).isTrue());
    }

    @Test
    void aCoordinatorThatCannotBeReachedIsUnavailableForJoinCloseAndCancelAlikeAndARetryMayHelp() throws Exception {
        server.stop(0);
        URL saga = new URL(coordinatorUrl + "/0_1");

        for (Runnable call : List.<Runnable>of(() -> client.join(saga, step(Map.of()), null).join(),
                () -> client.complete(saga, null).join(), () -> client.compensate(saga, null).join())) {
            assertThatThrownBy(call::run)
                    .hasCauseInstanceOf(SagaCoordinatorUnavailableException.class)
                    .satisfies(failure -> assertThat(TransientFailures.isTransient(failure)).isTrue());
        }
    }

    @Test
    void noCallIsMadeForASagaOfAnotherCoordinator() {
        assertThatThrownBy(() -> client.join(new URL("http://127.0.0.1:1/lra-coordinator/0_1"), step(Map.of()), null))
                .isInstanceOf(UntrustedCoordinatorException.class);
        assertThatThrownBy(() -> client.compensate(new URL("http://127.0.0.1:1/lra-coordinator/0_1"), null))
                .isInstanceOf(UntrustedCoordinatorException.class);
        assertThat(requests).isEmpty();
    }

    @Test
    void compensatingASagaTheCoordinatorAlreadyEndedIsDoneButAFailureIsNot() throws Exception {
        status = 404;
        client.compensate(new URL(coordinatorUrl + "/0_1"), null).join();

        status = 500;
        assertThatThrownBy(() -> client.compensate(new URL(coordinatorUrl + "/0_1"), null).join())
                .hasMessageContaining("answered 500");
        assertThat(requests).containsOnly("PUT /lra-coordinator/0_1/cancel");
    }

    private static LRASagaStep step(Map<String, org.apache.camel.Expression> options) {
        return LRASagaStep.fromCamelSagaStep(new CamelSagaStep(null, null, options, null), null);
    }
}
