package coordinator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A participant's callback endpoints, recording what the coordinator calls: path and the LRA it names. */
final class ParticipantStub implements AutoCloseable {

    record Callback(String method, String path, String lra) {
    }

    private final HttpServer server;
    private final List<Callback> callbacks = new CopyOnWriteArrayList<>();

    ParticipantStub(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/participant/complete", exchange -> answer(exchange, "Completed"));
        server.createContext("/participant/compensate", exchange -> answer(exchange, "Compensated"));
        server.start();
    }

    URI url(String endpoint) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/participant/" + endpoint);
    }

    /** The Link header a participant joins with: its complete and compensate endpoints. */
    String joinLink() {
        return "<" + url("complete") + ">; rel=\"complete\", <" + url("compensate") + ">; rel=\"compensate\"";
    }

    List<Callback> callbacks() {
        return List.copyOf(callbacks);
    }

    private void answer(HttpExchange exchange, String status) throws IOException {
        callbacks.add(new Callback(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("Long-Running-Action")));
        byte[] body = status.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
