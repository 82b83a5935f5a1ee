package routes.local.dynamodb.durability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import routes.local.dynamodb.engine.Commit;
import routes.local.dynamodb.streams.Streams;

/**
 * Start-up: the latest snapshot into the database and the streams, then every logged commit after it, in
 * order. A damaged frame at the very end of the last segment is a write the crash interrupted (never
 * acknowledged): it is cut off. Damage anywhere else stops start-up, since applying around it would
 * silently lose acknowledged writes.
 */
final class LogRecovery {

    private static final Logger log = LoggerFactory.getLogger(LogRecovery.class);

    /** Where appending continues: the last segment's start and the end of its intact frames. */
    record Resume(long segmentStart, long position) {}

    private LogRecovery() {}

    static Resume recover(DataDirectory directory, ReplayTarget database, Streams streams) throws IOException {
        directory.deleteTemporaryFiles();
        long position = 0;
        List<Long> snapshots = directory.snapshots();
        if (!snapshots.isEmpty()) {
            long latest = snapshots.get(snapshots.size() - 1);
            SnapshotFile.Contents snapshot = SnapshotFile.read(directory.snapshot(latest));
            snapshot.database().forEach(database::replay);
            streams.restore(snapshot.streams());
            position = snapshot.position();
            for (long older : snapshots.subList(0, snapshots.size() - 1)) Files.deleteIfExists(directory.snapshot(older));
        }
        // Segments before the snapshot were covered by it; a crash between snapshot and clean-up leaves them.
        for (long start : directory.segments()) {
            if (start < position) Files.deleteIfExists(directory.segment(start));
        }
        List<Long> segments = directory.segments();
        long expected = position;
        for (int i = 0; i < segments.size(); i++) {
            long start = segments.get(i);
            if (start != expected) {
                throw new IllegalStateException("DynamoDB log in " + directory.path() + " has a gap: expected a segment at position "
                        + expected + " but found " + directory.segment(start).getFileName());
            }
            expected = start + replaySegment(directory.segment(start), i == segments.size() - 1, database, streams);
        }
        long lastStart = segments.isEmpty() ? position : segments.get(segments.size() - 1);
        return new Resume(lastStart, expected);
    }

    /** @return the length of the segment's intact frames */
    private static int replaySegment(Path segment, boolean last, ReplayTarget database, Streams streams) throws IOException {
        byte[] bytes = Files.readAllBytes(segment);
        int offset = 0;
        while (offset < bytes.length) {
            byte[] payload = Frames.read(bytes, offset);
            if (payload == null) {
                if (!last || Frames.anyIntactFrameAfter(bytes, offset)) {
                    throw new IllegalStateException("DynamoDB log segment " + segment + " is damaged at offset " + offset
                            + " with intact records after it; refusing to start rather than lose acknowledged writes");
                }
                log.warn("DynamoDB log {} ends with an incomplete record at offset {} ({} bytes): a write interrupted by a crash,"
                        + " never acknowledged; dropping it", segment, offset, bytes.length - offset);
                break;
            }
            Commit commit = CommitJson.read(payload);
            database.replay(commit);
            streams.committed(commit);
            offset += Frames.HEADER_BYTES + payload.length;
        }
        return offset;
    }
}
