package routes.local.dynamodb.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import routes.local.dynamodb.api.Action;

/**
 * The emulator's HTTP endpoint on the JDK's HttpServer: one port, a fixed pool of handler threads,
 * keep-alive, bound to one interface. What each operation does is the actions' business.
 */
public final class DynamoDbHttpServer implements AutoCloseable {

    private static final int HANDLER_THREADS = 8;

    static {
        // Without TCP_NODELAY the JDK server's split header/body writes meet the client's delayed ACK: ~40 ms a request.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final URI endpoint;

    private DynamoDbHttpServer(HttpServer server, ExecutorService executor, URI endpoint) {
        this.server = server;
        this.executor = executor;
        this.endpoint = endpoint;
    }

    /** Binds and starts serving; IllegalStateException when the port is taken. */
    public static DynamoDbHttpServer start(String host, int port, Map<String, Action> actions) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(host), port), 128);
        } catch (IOException e) {
            throw new IllegalStateException("DynamoDB emulator cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        InetSocketAddress bound = server.getAddress();
        URI endpoint = URI.create("http://" + hostForUri(bound) + ":" + bound.getPort());
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(HANDLER_THREADS, runnable -> {
            Thread thread = new Thread(runnable, "dynamodb-http-" + bound.getPort() + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.createContext("/", new JsonProtocolHandler(new ObjectMapper(), Map.copyOf(actions)));
        server.setExecutor(executor);
        server.start();
        return new DynamoDbHttpServer(server, executor, endpoint);
    }

    private static String hostForUri(InetSocketAddress address) {
        String host = address.getAddress().getHostAddress();
        return host.contains(":") ? "[" + host + "]" : host;
    }

    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
