package routes.local.dynamodb.durability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import routes.local.dynamodb.DynamoDbEmulatorSettings;
import routes.local.dynamodb.engine.Commit;
import routes.local.dynamodb.engine.CommitListener;
import routes.local.dynamodb.streams.Streams;

/**
 * The emulator's write-ahead log. Every commit is framed into a buffer under the database's write lock
 * ({@link #committed}); the request thread then waits in {@link #awaitDurable} until a group fsync covers
 * it, so an acknowledged write survives {@code kill -9}. When the current segment passes a size, a
 * background snapshot of database and streams replaces the older segments, keeping start-up bounded.
 * Without a data directory it does nothing.
 */
public final class DurableLog implements CommitListener, AutoCloseable {

    public static final long DEFAULT_SNAPSHOT_AFTER_BYTES = 64L * 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(DurableLog.class);

    private final ReplayTarget database;
    private final Streams streams;
    private final DataDirectory directory;
    private final LogWriter writer;
    private final long snapshotAfterBytes;
    private final ExecutorService snapshotter;
    private final AtomicBoolean snapshotQueued = new AtomicBoolean();

    private DurableLog(ReplayTarget database, Streams streams, DataDirectory directory, LogWriter writer, long snapshotAfterBytes) {
        this.database = database;
        this.streams = streams;
        this.directory = directory;
        this.writer = writer;
        this.snapshotAfterBytes = snapshotAfterBytes;
        this.snapshotter = writer == null ? null : Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "dynamodb-snapshot");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Nothing is written: every commit is "durable" at once. */
    public static DurableLog inMemory() {
        return new DurableLog(null, null, null, null, Long.MAX_VALUE);
    }

    /** In memory without a data directory; otherwise recovers from {@code <dataDir>/dynamodb} first. */
    public static DurableLog recover(DynamoDbEmulatorSettings settings, ReplayTarget database, Streams streams) {
        return settings.dataDir() == null ? inMemory()
                : recover(settings.dataDir().resolve("dynamodb"), DEFAULT_SNAPSHOT_AFTER_BYTES, database, streams);
    }

    /**
     * Replays the latest snapshot and the log after it into {@code database} and {@code streams}, then opens
     * the log for appending. Call before the database serves requests and before registering this listener.
     */
    public static DurableLog recover(Path directory, long snapshotAfterBytes, ReplayTarget database, Streams streams) {
        DataDirectory files = new DataDirectory(directory);
        try {
            LogRecovery.Resume resume = LogRecovery.recover(files, database, streams);
            LogWriter writer = new LogWriter(files, resume.segmentStart(), resume.position());
            log.info("DynamoDB data recovered from {} up to log position {}", directory, resume.position());
            return new DurableLog(database, streams, files, writer, snapshotAfterBytes);
        } catch (IOException | RuntimeException e) {
            closeQuietly(files);
            if (e instanceof IOException io) throw new UncheckedIOException("Cannot recover DynamoDB data from " + directory, io);
            throw (RuntimeException) e;
        }
    }

    @Override
    public long committed(Commit commit) {
        if (writer == null) return 0;
        long position = writer.append(Frames.frame(CommitJson.write(commit)));
        if (writer.segmentBytes() >= snapshotAfterBytes && snapshotQueued.compareAndSet(false, true)) {
            snapshotter.execute(this::snapshotInBackground);
        }
        return position;
    }

    @Override
    public void awaitDurable(long position) {
        if (writer != null) writer.awaitDurable(position);
    }

    /**
     * Copies the state under the database's write lock (and starts a new log segment there), writes the
     * copy outside it, then deletes what the snapshot covers.
     */
    public synchronized void snapshot() {
        if (writer == null) return;
        SnapshotFile.Contents contents = database.exclusively(
                () -> new SnapshotFile.Contents(writer.rotate(), database.snapshot(), streams.snapshot()));
        if (Files.exists(directory.snapshot(contents.position()))) {
            return; // Nothing committed since the last snapshot.
        }
        try {
            SnapshotFile.write(directory, contents);
            for (long start : directory.segments()) {
                if (start < contents.position()) Files.deleteIfExists(directory.segment(start));
            }
            for (long older : directory.snapshots()) {
                if (older < contents.position()) Files.deleteIfExists(directory.snapshot(older));
            }
            directory.syncDirectory();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write a DynamoDB snapshot in " + directory.path(), e);
        }
    }

    /** Fsyncs so far (0 in memory). */
    long fsyncs() {
        return writer == null ? 0 : writer.fsyncs();
    }

    @Override
    public void close() {
        if (writer == null) return;
        snapshotter.shutdown();
        try {
            if (!snapshotter.awaitTermination(1, TimeUnit.MINUTES)) log.warn("A DynamoDB snapshot is still being written");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            writer.close();
        } finally {
            closeQuietly(directory);
        }
    }

    private void snapshotInBackground() {
        try {
            snapshot();
        } catch (RuntimeException e) {
            // The log still holds everything: a failed snapshot only means a longer start-up.
            log.error("DynamoDB snapshot failed; the log keeps growing until the next attempt", e);
        } finally {
            snapshotQueued.set(false);
        }
    }

    private static void closeQuietly(DataDirectory directory) {
        try {
            directory.close();
        } catch (IOException e) {
            log.warn("Cannot release the DynamoDB data directory lock", e);
        }
    }
}
