package routes.local.dynamodb;

import java.net.URI;

/**
 * An open-source DynamoDB and DynamoDB Streams for local runs and tests, inside this JVM: the AWS
 * JSON 1.0 protocol over HTTP on one port, tables, items, expressions, indexes, transactions, TTL and
 * streams, in memory or durable under a data directory. Not for production.
 */
public final class DynamoDbEmulator implements AutoCloseable {

    private DynamoDbEmulator() {}

    /** Starts listening; fails with IllegalStateException when the port is taken. */
    public static DynamoDbEmulator start(DynamoDbEmulatorSettings settings) {
        throw new UnsupportedOperationException("TODO engine");
    }

    /** Where DynamoDbClient.endpointOverride (and DynamoDbStreamsClient's) should point. */
    public URI endpoint() {
        throw new UnsupportedOperationException("TODO engine");
    }

    @Override
    public void close() {
        throw new UnsupportedOperationException("TODO engine");
    }
}
