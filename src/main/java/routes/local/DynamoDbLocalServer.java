package routes.local;

import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/** DynamoDB Local 3.3.1 (tables and streams) as an HTTP server inside this JVM. */
final class DynamoDbLocalServer implements AutoCloseable {

    private final DynamoDBProxyServer server;

    private DynamoDbLocalServer(DynamoDBProxyServer server) {
        this.server = server;
    }

    /** Starts in memory, or on files under {@code dataDir} that survive a restart (even a kill -9). */
    static DynamoDbLocalServer start(String host, int port, Path dataDir) throws Exception {
        List<String> args = new ArrayList<>(List.of("-port", String.valueOf(port), "-disableTelemetry", "-sharedDb"));
        if (dataDir == null) {
            args.add("-inMemory");
        } else {
            Path dir = Files.createDirectories(dataDir.resolve("dynamodb"));
            args.addAll(List.of("-dbPath", dir.toAbsolutePath().toString()));
        }
        DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(args.toArray(String[]::new));
        bindTo(server, host);
        server.start();
        return new DynamoDbLocalServer(server);
    }

    // DynamoDB Local has no host option and listens on every interface; point its Jetty connector at one.
    private static void bindTo(DynamoDBProxyServer server, String host) throws ReflectiveOperationException {
        Field field = DynamoDBProxyServer.class.getDeclaredField("server");
        field.setAccessible(true);
        Server jetty = (Server) field.get(server);
        for (var connector : jetty.getConnectors()) {
            ((ServerConnector) connector).setHost(host);
        }
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
