package routes.local.dynamodb.streams;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import routes.local.dynamodb.DynamoDbEmulatorSettings;
import routes.local.dynamodb.api.Action;
import routes.local.dynamodb.engine.Commit;
import routes.local.dynamodb.engine.CommitListener;
import routes.local.dynamodb.engine.ItemChange;
import routes.local.dynamodb.engine.TableDefinition;
import routes.local.dynamodb.value.ItemSize;
import routes.local.dynamodb.value.Value;

/**
 * DynamoDB Streams for the emulator: listens to the database's commits and keeps, per stream-enabled
 * table, the change records its shards hold; answers ListStreams, DescribeStream, GetShardIterator and
 * GetRecords (see {@link StreamsApi}). Records, shards and sequence numbers derive from the commits
 * alone, so replaying the durability log rebuilds them identically.
 */
public final class Streams implements CommitListener {

    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private final DynamoDbEmulatorSettings settings;
    private final Clock clock;
    /** Held briefly: by committed() under the database's write lock, and by readers on request threads. */
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, TableStream> byArn = new LinkedHashMap<>();
    /** Table name → its enabled stream. */
    private final Map<String, TableStream> enabledByTable = new HashMap<>();
    private long lastSequenceNumber;

    public Streams(DynamoDbEmulatorSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    public void register(Map<String, Action> actions) {
        new StreamsApi(this, settings, clock).register(actions);
    }

    @Override
    public long committed(Commit commit) {
        lock.lock();
        try {
            if (commit instanceof Commit.TableCreated created) {
                tableDefined(created.at(), created.table());
            } else if (commit instanceof Commit.TableUpdated updated) {
                tableDefined(updated.at(), updated.table());
            } else if (commit instanceof Commit.TableDeleted deleted) {
                disable(deleted.table(), deleted.at());
            } else if (commit instanceof Commit.ItemsChanged changed) {
                Set<TableStream> written = new LinkedHashSet<>();
                for (ItemChange change : changed.changes()) {
                    TableStream stream = enabledByTable.get(change.table());
                    if (stream == null) continue;
                    record(stream, change, changed.at(), changed.byService());
                    written.add(stream);
                }
                for (TableStream stream : written) {
                    stream.rollOverIfDue(changed.at(), settings.shardRollover(), () -> ++lastSequenceNumber);
                }
            }
            return 0;
        } finally {
            lock.unlock();
        }
    }

    /** A copy of every stream's state, for the durability snapshot; take it while no commit runs. */
    public StreamsSnapshot snapshot() {
        return locked(() -> StreamsSnapshot.of(lastSequenceNumber, byArn.values()));
    }

    /** Replaces the whole state with a snapshot's, before the log after it is replayed. */
    public void restore(StreamsSnapshot snapshot) {
        locked(() -> {
            byArn.clear();
            enabledByTable.clear();
            lastSequenceNumber = snapshot.lastSequenceNumber();
            for (StreamsSnapshot.StreamState state : snapshot.streams()) {
                TableStream stream = state.toStream();
                byArn.put(stream.arn(), stream);
                if (stream.enabled()) enabledByTable.put(stream.tableName(), stream);
            }
            return null;
        });
    }

    <T> T locked(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    /** Every stream still within retention, trimmed as of now; call under {@link #locked}. */
    List<TableStream> retained() {
        Instant cutoff = clock.instant().minus(settings.streamRetention());
        byArn.values().forEach(stream -> stream.trim(cutoff));
        byArn.values().removeIf(stream -> stream.expired(cutoff));
        return new ArrayList<>(byArn.values());
    }

    /** One stream trimmed as of now, or null; call under {@link #locked}. */
    TableStream stream(String arn) {
        TableStream stream = byArn.get(arn);
        if (stream == null) return null;
        Instant cutoff = clock.instant().minus(settings.streamRetention());
        stream.trim(cutoff);
        if (stream.expired(cutoff)) {
            byArn.remove(arn);
            return null;
        }
        return stream;
    }

    private void tableDefined(Instant at, TableDefinition table) {
        TableStream enabled = enabledByTable.get(table.name());
        if (table.stream() == null) {
            disable(table.name(), at);
            return;
        }
        // The engine labels every stream it enables; the fallback only keeps a faulty definition readable.
        String label = table.streamLabel() != null ? table.streamLabel() : LABEL.format(at);
        if (enabled != null && enabled.label().equals(label)) {
            return;
        }
        disable(table.name(), at);
        String arn = "arn:aws:dynamodb:" + settings.region() + ":" + settings.accountId() + ":table/" + table.name()
                + "/stream/" + label;
        TableStream stream = new TableStream(arn, label, table.name(), table.key(), table.stream().viewType(), at,
                null, 0, List.of());
        byArn.remove(arn);
        byArn.put(arn, stream);
        enabledByTable.put(table.name(), stream);
        // A new stream has its first shard open at once (DescribeStream shows it before any write).
        stream.openFirstShard(at, () -> ++lastSequenceNumber);
    }

    private void disable(String tableName, Instant at) {
        TableStream enabled = enabledByTable.remove(tableName);
        if (enabled != null) enabled.disable(at);
    }

    private void record(TableStream stream, ItemChange change, Instant at, boolean byService) {
        stream.trim(clock.instant().minus(settings.streamRetention()));
        Shard shard = stream.openShard();
        long sequenceNumber = ++lastSequenceNumber;
        String view = stream.viewType();
        boolean withOld = view.equals("OLD_IMAGE") || view.equals("NEW_AND_OLD_IMAGES");
        boolean withNew = view.equals("NEW_IMAGE") || view.equals("NEW_AND_OLD_IMAGES");
        Map<String, Value> oldImage = withOld ? change.oldImage() : null;
        Map<String, Value> newImage = withNew ? change.newImage() : null;
        String eventName = change.oldImage() == null ? StreamRecord.INSERT
                : change.newImage() == null ? StreamRecord.REMOVE : StreamRecord.MODIFY;
        long size = ItemSize.of(change.keys()) + (oldImage == null ? 0 : ItemSize.of(oldImage))
                + (newImage == null ? 0 : ItemSize.of(newImage));
        shard.append(new StreamRecord(eventId(stream, sequenceNumber), eventName, sequenceNumber, at,
                copy(change.keys()), copy(oldImage), copy(newImage), view, size, byService));
    }

    /** Derived, not random, so a replay gives each record the same id. */
    private static String eventId(TableStream stream, long sequenceNumber) {
        return UUID.nameUUIDFromBytes((stream.arn() + "#" + sequenceNumber).getBytes(StandardCharsets.UTF_8))
                .toString().replace("-", "");
    }

    private static Map<String, Value> copy(Map<String, Value> image) {
        return image == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(image));
    }
}
