package routes.saga.lra;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.camel.Exchange;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.service.lra.LRAClient;
import org.apache.camel.service.lra.LRASagaStep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import routes.saga.SagaCoordinatorUnavailableException;
import routes.saga.TransientFailure;

/**
 * Camel's LRA client, talking to the trusted coordinator only, with a deadline on every call, and
 * joining sagas with signed participant URLs.
 */
class GuardedLraClient extends LRAClient {

    private static final Logger log = LoggerFactory.getLogger(GuardedLraClient.class);

    // Camel's names for the endpoint a callback runs (LRAConstants keeps them package-private).
    static final String COMPENSATION_KEY = "Camel-Saga-Compensate";
    static final String COMPLETION_KEY = "Camel-Saga-Complete";
    static final String COMPENSATE_PATH = LraSettings.PARTICIPANT_PATH + "/compensate";
    static final String COMPLETE_PATH = LraSettings.PARTICIPANT_PATH + "/complete";

    private final LraSettings settings;
    private final TrustedCoordinator coordinator;
    private final CallbackSignature signature;
    private final HttpClient http;

    GuardedLraClient(GuardedLraSagaService service, HttpClient http, LraSettings settings,
            TrustedCoordinator coordinator, CallbackSignature signature) {
        super(service, http);
        this.http = http;
        this.settings = settings;
        this.coordinator = coordinator;
        this.signature = signature;
    }

    /**
     * Begins an LRA with the saga timeout as its time limit, so it counts from the saga's start, as in
     * memory (Camel gives it at a join instead, and a limit given at a join counts from that join).
     */
    @Override
    public CompletableFuture<URL> newLRA(Exchange exchange) {
        URI start = URI.create(settings.coordinatorHost() + settings.coordinatorContextPath() + "/start?TimeLimit="
                + settings.sagaTimeout().toMillis());
        HttpRequest request = prepareRequest(start, exchange).POST(HttpRequest.BodyPublishers.noBody()).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .handle((response, failure) -> {
                    if (failure != null || (response.statusCode() != 201 && response.statusCode() != 200)) {
                        String why = failure != null ? rootCause(failure) : "it answered " + response.statusCode();
                        throw new SagaCoordinatorUnavailableException("The saga coordinator " + settings.coordinator()
                                + " could not begin a saga: " + why, failure);
                    }
                    String sagaId = coordinator.require(response.headers().firstValue("Location").orElse(response.body().strip()));
                    try {
                        return URI.create(sagaId).toURL();
                    } catch (MalformedURLException e) {
                        throw new UntrustedCoordinatorException(sagaId, settings.coordinator());
                    }
                });
    }

    /** Joins with this instance's participant URLs, each signed for this saga and these options. */
    @Override
    public CompletableFuture<Void> join(URL lra, LRASagaStep step, Exchange exchange) {
        String sagaId = coordinator.require(lra.toString());
        Map<String, String> parameters = new TreeMap<>(step.getOptions());
        step.getCompensation().ifPresent(endpoint -> parameters.put(COMPENSATION_KEY, endpoint.getEndpointUri()));
        step.getCompletion().ifPresent(endpoint -> parameters.put(COMPLETION_KEY, endpoint.getEndpointUri()));
        String link = "<" + signature.signedUrl(settings.callbackHost(), COMPENSATE_PATH, sagaId, parameters) + ">; rel=compensate,"
                + "<" + signature.signedUrl(settings.callbackHost(), COMPLETE_PATH, sagaId, parameters) + ">; rel=complete";
        // No TimeLimit here: the LRA has had its limit since it began.
        HttpRequest request = prepareRequest(URI.create(sagaId), exchange)
                .header("Link", link)
                .header(Exchange.SAGA_LONG_RUNNING_ACTION, sagaId)
                .header("Content-Type", "text/plain")
                .PUT(HttpRequest.BodyPublishers.ofString(link))
                .build();
        return reachable(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()), "let a step join saga " + sagaId)
                .thenApply(response -> {
                    switch (response.statusCode()) {
                        case 200 -> { }
                        // The saga is over (its time limit cancelled it): the message SagaEnded recognises.
                        case 404, 410, 412 -> throw new IllegalStateException("Cannot begin: status is ended (saga "
                                + sagaId + ", the coordinator answered " + response.statusCode() + ")");
                        // Busy with the saga (closing or cancelling it, another join): retried with the step's backoff.
                        case 503 -> throw new TransientFailure("The coordinator is busy with saga " + sagaId + ": "
                                + response.body().strip());
                        default -> throw new RuntimeCamelException("Cannot join saga " + sagaId + ": the coordinator answered "
                                + response.statusCode() + " " + response.body());
                    }
                    return null;
                });
    }

    @Override
    public CompletableFuture<Void> complete(URL lra, Exchange exchange) {
        coordinator.require(lra.toString());
        return reachable(super.complete(lra, exchange), "close saga " + lra);
    }

    /**
     * Cancels the saga. One the coordinator no longer knows was already ended by it (its time limit
     * cancelled it while a step ran): its compensations ran, so there is nothing left to do.
     */
    @Override
    public CompletableFuture<Void> compensate(URL lra, Exchange exchange) {
        String sagaId = coordinator.require(lra.toString());
        HttpRequest request = prepareRequest(URI.create(sagaId + "/cancel"), exchange)
                .header("Content-Type", "text/plain")
                .PUT(HttpRequest.BodyPublishers.noBody())
                .build();
        return reachable(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()), "cancel saga " + sagaId)
                .thenApply(response -> {
                    if (response.statusCode() == 404 || response.statusCode() == 410) {
                        log.debug("Saga {} was already ended by the coordinator", sagaId);
                    } else if (response.statusCode() != 200 && response.statusCode() != 202) {
                        throw new RuntimeCamelException("Cannot compensate saga " + sagaId + ": the coordinator answered "
                                + response.statusCode() + " " + response.body());
                    }
                    return null;
                });
    }

    @Override
    protected HttpRequest.Builder prepareRequest(URI uri, Exchange exchange) {
        return super.prepareRequest(uri, exchange).timeout(settings.callTimeout());
    }

    /** A call that could not reach the coordinator fails as {@link SagaCoordinatorUnavailableException}. */
    private <T> CompletableFuture<T> reachable(CompletableFuture<T> call, String what) {
        return call.handle((answer, failure) -> {
            if (failure == null) {
                return answer;
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            if (cause instanceof IOException) {
                throw new SagaCoordinatorUnavailableException("The saga coordinator " + settings.coordinator()
                        + " could not be reached to " + what + ": " + cause, cause);
            }
            throw failure instanceof CompletionException completion ? completion : new CompletionException(failure);
        });
    }

    private static String rootCause(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause.getCause() != null) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.toString();
    }
}
