package routes.saga.lra;

import java.net.URL;
import java.net.http.HttpClient;
import java.util.concurrent.CompletableFuture;
import org.apache.camel.saga.CamelSagaCoordinator;
import org.apache.camel.service.lra.LRAClient;
import org.apache.camel.service.lra.LRASagaCoordinator;
import org.apache.camel.service.lra.LRASagaService;

/**
 * Camel's LRA saga service, taking saga ids from the trusted coordinator only: an exchange whose
 * {@code Long-Running-Action} header names another URL fails instead of calling it.
 */
public class GuardedLraSagaService extends LRASagaService {

    private final LraSettings settings;
    private final TrustedCoordinator coordinator;
    private final CallbackSignature signature;

    public GuardedLraSagaService(LraSettings settings) {
        this.settings = settings;
        this.coordinator = new TrustedCoordinator(settings.coordinator());
        this.signature = new CallbackSignature(settings.secret());
        setCoordinatorUrl(settings.coordinatorHost());
        setCoordinatorContextPath(settings.coordinatorContextPath());
        setLocalParticipantUrl(settings.callbackHost());
        setLocalParticipantContextPath(LraSettings.PARTICIPANT_PATH);
    }

    @Override
    public CompletableFuture<CamelSagaCoordinator> getSaga(String id) {
        if (!coordinator.owns(id)) {
            return CompletableFuture.failedFuture(new UntrustedCoordinatorException(id, settings.coordinator()));
        }
        try {
            return CompletableFuture.completedFuture(new LRASagaCoordinator(this, new URL(id)));
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    protected LRAClient createLRAClient() {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.callTimeout()).build();
        return new GuardedLraClient(this, http, settings, coordinator, signature);
    }

    public TrustedCoordinator coordinator() {
        return coordinator;
    }

    public CallbackSignature signature() {
        return signature;
    }
}
