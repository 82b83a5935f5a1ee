package routes.saga.lra;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import routes.saga.SagaCustody;

/**
 * Asks the coordinator about a saga ({@code GET <lra>/status}). It holds the saga while the LRA is
 * active, closing or cancelling (it retries the participants until they answer); it has let go
 * when it forgot the LRA (404: finished, or never begun) or gave up (FailedToClose, FailedToCancel).
 * When the coordinator cannot be asked, the saga counts as held: recovery tries again next round.
 */
public class LraCustody implements SagaCustody {

    private static final Logger log = LoggerFactory.getLogger(LraCustody.class);
    private static final Set<String> DRIVING = Set.of("Active", "Closing", "Cancelling");

    private final TrustedCoordinator coordinator;
    private final HttpClient http;
    private final Duration timeout;

    public LraCustody(TrustedCoordinator coordinator, Duration timeout) {
        this.coordinator = coordinator;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    @Override
    public boolean held(String sagaId) {
        if (!coordinator.owns(sagaId)) {
            return false;
        }
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(sagaId + "/status"))
                    .timeout(timeout).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 404 || response.statusCode() == 410) {
                return false;
            }
            if (response.statusCode() == 200) {
                return DRIVING.contains(response.body().strip());
            }
            log.warn("Saga {}: the coordinator answered {} about its status; leaving it to the coordinator", sagaId, response.statusCode());
            return true;
        } catch (java.io.IOException e) {
            log.warn("Saga {}: the coordinator cannot be asked about it ({}); leaving it to the coordinator", sagaId, e.toString());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}
