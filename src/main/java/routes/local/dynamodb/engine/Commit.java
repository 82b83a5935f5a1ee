package routes.local.dynamodb.engine;

import java.time.Instant;
import java.util.List;

/**
 * Something the database applied atomically, in commit order: what the durability log records and
 * replays, and what streams turn into records. Every commit carries the time it was applied, so a
 * replay derives the same stream shards and sequence numbers.
 */
public sealed interface Commit {

    Instant at();

    /** A table was created (or, on replay, restored) with this definition. */
    record TableCreated(Instant at, TableDefinition table) implements Commit {}

    /** UpdateTable or UpdateTimeToLive replaced a table's definition. */
    record TableUpdated(Instant at, TableDefinition table) implements Commit {}

    record TableDeleted(Instant at, String table) implements Commit {}

    /**
     * One write request or transaction: every item it changed, possibly across tables.
     * {@code byService} marks TTL deletions, which streams record with the DynamoDB service identity.
     */
    record ItemsChanged(Instant at, List<ItemChange> changes, boolean byService) implements Commit {
        public ItemsChanged { changes = List.copyOf(changes); }
    }
}
