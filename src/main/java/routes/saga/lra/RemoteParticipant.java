package routes.saga.lra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.apache.camel.Exchange;
import routes.saga.BusinessFailure;
import routes.saga.TransientFailure;

/**
 * Runs a saga step on another instance ({@code PUT <instance>/lra-participant/steps/<step>}), inside
 * the caller's saga: the other instance joins the saga with its own participant URLs, so the
 * coordinator calls it, not the caller, to undo the step. The call is signed like a callback.
 * 409 is the step's business refusal, 503 or no answer a transient failure the caller retries
 * (steps are idempotent), anything else a technical failure.
 */
public class RemoteParticipant {

    /** Where an instance serves the steps its peers ask it to run. */
    public static final String STEPS_PATH = LraSettings.PARTICIPANT_PATH + "/steps/";

    private final TrustedCoordinator coordinator;
    private final CallbackSignature signature;
    private final Duration timeout;
    private final ObjectMapper json;
    private final HttpClient http;

    public RemoteParticipant(TrustedCoordinator coordinator, CallbackSignature signature, Duration timeout, ObjectMapper json) {
        this.coordinator = coordinator;
        this.signature = signature;
        this.timeout = timeout;
        this.json = json;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    /** Runs {@code step} on {@code instance} in saga {@code sagaId}, handing it {@code headers}. */
    public void run(String step, URI instance, String sagaId, Map<String, String> headers) {
        coordinator.require(sagaId);
        String url = signature.signedUrl(instance.toString().replaceAll("/+$", ""), STEPS_PATH + step, sagaId, headers);
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                    .header(Exchange.SAGA_LONG_RUNNING_ACTION, sagaId)
                    .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new TransientFailure("Step " + step + " on " + instance + " did not answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientFailure("Interrupted while step " + step + " ran on " + instance);
        }
        switch (response.statusCode()) {
            case 200, 204 -> { }
            case 409 -> throw new RemoteStepRefused(step, instance, field(response.body(), "reason", "REFUSED"),
                    field(response.body(), "detail", response.body()));
            case 429, 502, 503, 504 -> throw new TransientFailure("Step " + step + " on " + instance + " is unavailable ("
                    + response.statusCode() + "): " + field(response.body(), "detail", response.body()));
            default -> throw new IllegalStateException("Step " + step + " on " + instance + " failed ("
                    + response.statusCode() + "): " + field(response.body(), "detail", response.body()));
        }
    }

    private String field(String body, String name, String otherwise) {
        try {
            JsonNode value = json.readTree(body).get(name);
            return value == null || !value.isTextual() ? otherwise : value.asText();
        } catch (IOException | RuntimeException e) {
            return otherwise;
        }
    }

    /** The other instance refused the step for a business reason: the saga compensates with that reason. */
    public static class RemoteStepRefused extends BusinessFailure {
        RemoteStepRefused(String step, URI instance, String reason, String detail) {
            super(reason, "Step " + step + " refused on " + instance + ": " + detail);
        }
    }
}
