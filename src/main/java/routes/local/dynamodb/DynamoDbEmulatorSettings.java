package routes.local.dynamodb;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the embedded DynamoDB runs.
 *
 * @param host              interface to bind (127.0.0.1 by default)
 * @param port              0 picks a free port
 * @param dataDir           where the log and snapshots live; null keeps everything in memory
 * @param shardRollover     how long a stream shard takes writes before a child shard follows it (AWS: about 4 h)
 * @param streamRetention   how long stream records are readable (AWS: 24 h)
 * @param iteratorLifetime  how long a shard iterator stays valid (AWS: 15 min)
 * @param ttlInterval       how often the TTL reaper looks for expired items
 */
public record DynamoDbEmulatorSettings(
        String host,
        int port,
        String region,
        String accountId,
        Path dataDir,
        Duration shardRollover,
        Duration streamRetention,
        Duration iteratorLifetime,
        Duration ttlInterval) {

    public static DynamoDbEmulatorSettings defaults() {
        return new DynamoDbEmulatorSettings("127.0.0.1", 8000, "us-east-1", "000000000000", null,
                Duration.ofHours(4), Duration.ofHours(24), Duration.ofMinutes(15), Duration.ofSeconds(5));
    }

    public DynamoDbEmulatorSettings withPort(int port) {
        return new DynamoDbEmulatorSettings(host, port, region, accountId, dataDir, shardRollover, streamRetention,
                iteratorLifetime, ttlInterval);
    }

    public DynamoDbEmulatorSettings withDataDir(Path dataDir) {
        return new DynamoDbEmulatorSettings(host, port, region, accountId, dataDir, shardRollover, streamRetention,
                iteratorLifetime, ttlInterval);
    }
}
