package routes.local.dynamodb;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import routes.local.dynamodb.api.Action;
import routes.local.dynamodb.durability.DurableLog;
import routes.local.dynamodb.durability.ReplayTarget;
import routes.local.dynamodb.engine.Commit;
import routes.local.dynamodb.engine.Database;
import routes.local.dynamodb.engine.DynamoDbActions;
import routes.local.dynamodb.engine.TimeToLiveReaper;
import routes.local.dynamodb.http.DynamoDbHttpServer;
import routes.local.dynamodb.streams.Streams;

/**
 * An open-source DynamoDB and DynamoDB Streams for local runs and tests, inside this JVM: the AWS
 * JSON 1.0 protocol over HTTP on one port, tables, items, expressions, indexes, transactions, TTL and
 * streams, in memory or durable under a data directory. Not for production.
 */
public final class DynamoDbEmulator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DynamoDbEmulator.class);

    private final Database database;
    private final List<AutoCloseable> resources;
    private final DynamoDbHttpServer server;

    private DynamoDbEmulator(Database database, List<AutoCloseable> resources, DynamoDbHttpServer server) {
        this.database = database;
        this.resources = resources;
        this.server = server;
    }

    /** Starts listening; fails with IllegalStateException when the port is taken. */
    public static DynamoDbEmulator start(DynamoDbEmulatorSettings settings) {
        Clock clock = Clock.systemUTC();
        Database database = new Database(clock);
        Map<String, Action> actions = new HashMap<>();
        List<AutoCloseable> resources = new ArrayList<>();
        DynamoDbActions.register(database, settings.region(), settings.accountId(), actions);
        Streams streams = new Streams(settings, clock);
        streams.register(actions);
        // Recovery replays into the database and the streams before either listens or serves.
        DurableLog durableLog = DurableLog.recover(settings, replayTarget(database), streams);
        resources.add(durableLog);
        database.addListener(streams);
        database.addListener(durableLog);
        resources.add(new TimeToLiveReaper(database, clock, settings.ttlInterval()));
        DynamoDbHttpServer server;
        try {
            server = DynamoDbHttpServer.start(settings.host(), settings.port(), actions);
        } catch (RuntimeException e) {
            closeAll(resources);
            throw e;
        }
        log.info("DynamoDB emulator (local development only) listening on {}", server.endpoint());
        return new DynamoDbEmulator(database, resources, server);
    }

    /** The database as the durability log replays into and snapshots it. */
    private static ReplayTarget replayTarget(Database database) {
        return new ReplayTarget() {
            @Override public void replay(Commit commit) { database.replay(commit); }
            @Override public List<Commit> snapshot() { return database.snapshot(); }
            @Override public <T> T exclusively(Supplier<T> work) { return database.exclusively(work); }
        };
    }

    /** Where DynamoDbClient.endpointOverride (and DynamoDbStreamsClient's) should point. */
    public URI endpoint() {
        return server.endpoint();
    }

    /** The tables themselves, for tests and in-process tools. */
    public Database database() {
        return database;
    }

    @Override
    public void close() {
        server.close();
        closeAll(resources);
    }

    private static void closeAll(List<AutoCloseable> resources) {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                log.warn("Closing {} failed", resources.get(i), e);
            }
        }
    }
}
