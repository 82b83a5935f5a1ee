package coordinator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The coordinator's REST API as camel-lra calls it: start, join, status, close, cancel. */
final class CoordinatorClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI coordinator;

    CoordinatorClient(int port) {
        this.coordinator = URI.create("http://127.0.0.1:" + port + CoordinatorSettings.CONTEXT_PATH + "/");
    }

    /** POST /lra-coordinator/start; the new LRA's id (a URL under the coordinator) comes back in Location. */
    URI start(String clientId) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(coordinator.resolve("start?ClientID=" + clientId))
                .POST(HttpRequest.BodyPublishers.noBody()));
        if (response.statusCode() != 201) {
            throw new IllegalStateException("start answered " + response.statusCode() + ": " + response.body());
        }
        return URI.create(response.headers().firstValue("Location").orElseThrow());
    }

    HttpResponse<String> status(URI lra) {
        return send(HttpRequest.newBuilder(URI.create(lra + "/status")).GET());
    }

    /** PUT on the LRA with a Link header naming the participant's complete and compensate endpoints. */
    HttpResponse<String> join(URI lra, String link) {
        return send(HttpRequest.newBuilder(lra).header("Link", link).PUT(HttpRequest.BodyPublishers.noBody()));
    }

    HttpResponse<String> cancel(URI lra) {
        return send(HttpRequest.newBuilder(URI.create(lra + "/cancel")).PUT(HttpRequest.BodyPublishers.noBody()));
    }

    HttpResponse<String> close(URI lra) {
        return send(HttpRequest.newBuilder(URI.create(lra + "/close")).PUT(HttpRequest.BodyPublishers.noBody()));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
