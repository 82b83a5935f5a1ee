package routes.local.dynamodb.streams;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.CRC32;
import routes.local.dynamodb.engine.TableDefinition;

/**
 * One stream of one table, from the commit that enabled it until it is disabled and then forgotten after
 * the retention period. Its shards form a chain: each child opens when its parent closes. Guarded by the
 * {@link Streams} lock.
 */
final class TableStream {

    private final String arn;
    private final String label;
    private final String tableName;
    private final TableDefinition.KeySchema key;
    private final String viewType;
    private final Instant createdAt;
    private final List<Shard> shards;
    private Instant disabledAt;
    /** Shards ever opened, including trimmed ones, so shard ids stay the same on replay. */
    private int shardsOpened;

    TableStream(String arn, String label, String tableName, TableDefinition.KeySchema key, String viewType,
            Instant createdAt, Instant disabledAt, int shardsOpened, List<Shard> shards) {
        this.arn = arn;
        this.label = label;
        this.tableName = tableName;
        this.key = key;
        this.viewType = viewType;
        this.createdAt = createdAt;
        this.disabledAt = disabledAt;
        this.shardsOpened = shardsOpened;
        this.shards = new ArrayList<>(shards);
    }

    String arn() { return arn; }

    String label() { return label; }

    String tableName() { return tableName; }

    TableDefinition.KeySchema key() { return key; }

    String viewType() { return viewType; }

    Instant createdAt() { return createdAt; }

    Instant disabledAt() { return disabledAt; }

    int shardsOpened() { return shardsOpened; }

    boolean enabled() { return disabledAt == null; }

    List<Shard> shards() { return Collections.unmodifiableList(shards); }

    Shard shard(String shardId) {
        for (Shard shard : shards) {
            if (shard.id().equals(shardId)) return shard;
        }
        return null;
    }

    /** The shard taking writes; null once the stream is disabled. */
    Shard openShard() {
        Shard last = shards.isEmpty() ? null : shards.get(shards.size() - 1);
        return last != null && last.isOpen() ? last : null;
    }

    /** Opens the stream's first shard, when the stream is created. */
    void openFirstShard(Instant at, SequenceCounter sequence) {
        openChild(null, at, sequence);
    }

    /**
     * After a commit at {@code at}: when the open shard has taken writes for {@code rollover}, it closes and
     * a child opens. Boundaries come from commit times only, so a replay rolls over at the same commits.
     * Rolling after the commit, not before, leaves the child empty when it appears, so a reader that
     * starts the child at LATEST (as Camel 4.17's consumer does, CAMEL-24154) misses nothing written so far.
     */
    void rollOverIfDue(Instant at, Duration rollover, SequenceCounter sequence) {
        Shard open = openShard();
        if (open != null && !at.isBefore(open.openedAt().plus(rollover))) {
            open.close(at);
            openChild(open, at, sequence);
        }
    }

    private void openChild(Shard parent, Instant at, SequenceCounter sequence) {
        shards.add(new Shard(shardId(at, shardsOpened), parent == null ? null : parent.id(), sequence.next(), at));
        shardsOpened++;
    }

    void disable(Instant at) {
        if (disabledAt == null) {
            disabledAt = at;
            shards.forEach(shard -> shard.close(at));
        }
    }

    /** Lazily drops what the retention period has passed: records, emptied closed shards. */
    void trim(Instant cutoff) {
        for (Shard shard : shards) shard.trim(cutoff);
        shards.removeIf(shard -> shard.expired(cutoff));
    }

    /** A disabled stream whose retention has passed: gone from ListStreams. */
    boolean expired(Instant cutoff) {
        return disabledAt != null && disabledAt.isBefore(cutoff) && shards.isEmpty();
    }

    /** Like AWS's "shardId-00000001732970000000-abcdef01": open time, then a tag unique within the stream. */
    private String shardId(Instant openedAt, int index) {
        CRC32 crc = new CRC32();
        crc.update((arn + "#" + index).getBytes(StandardCharsets.UTF_8));
        return String.format("shardId-%020d-%08x", openedAt.toEpochMilli(), crc.getValue());
    }

    /** Hands out sequence numbers, increasing across every stream. */
    interface SequenceCounter {
        long next();
    }
}
