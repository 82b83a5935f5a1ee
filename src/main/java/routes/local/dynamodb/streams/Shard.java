package routes.local.dynamodb.streams;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import routes.local.dynamodb.api.DynamoDbException;

/**
 * One shard of a stream: records in sequence-number order, open for writes until it rolls over or
 * the stream is disabled. Guarded by the {@link Streams} lock; records are immutable, so a read copies
 * the slice it answers and renders it outside the lock.
 */
final class Shard {

    private static final long MAX_PAGE_BYTES = 1024 * 1024;

    private final String id;
    private final String parentId;
    private final long startingSequenceNumber;
    private final Instant openedAt;
    private final List<StreamRecord> records;
    private Long endingSequenceNumber;
    private Instant closedAt;
    /** The newest trimmed record's sequence number, 0 while nothing was trimmed. */
    private long lastTrimmed;

    Shard(String id, String parentId, long startingSequenceNumber, Instant openedAt) {
        this(id, parentId, startingSequenceNumber, openedAt, null, null, 0, List.of());
    }

    Shard(String id, String parentId, long startingSequenceNumber, Instant openedAt, Long endingSequenceNumber,
            Instant closedAt, long lastTrimmed, List<StreamRecord> records) {
        this.id = id;
        this.parentId = parentId;
        this.startingSequenceNumber = startingSequenceNumber;
        this.openedAt = openedAt;
        this.endingSequenceNumber = endingSequenceNumber;
        this.closedAt = closedAt;
        this.lastTrimmed = lastTrimmed;
        this.records = new ArrayList<>(records);
    }

    String id() { return id; }

    String parentId() { return parentId; }

    long startingSequenceNumber() { return startingSequenceNumber; }

    Long endingSequenceNumber() { return endingSequenceNumber; }

    Instant openedAt() { return openedAt; }

    Instant closedAt() { return closedAt; }

    long lastTrimmed() { return lastTrimmed; }

    boolean isOpen() { return endingSequenceNumber == null; }

    List<StreamRecord> records() { return Collections.unmodifiableList(records); }

    void append(StreamRecord record) {
        records.add(record);
    }

    /** No more writes: the range ends at the last sequence number this shard handed out. */
    void close(Instant at) {
        if (isOpen()) {
            endingSequenceNumber = lastSequenceNumber();
            closedAt = at;
        }
    }

    long lastSequenceNumber() {
        return records.isEmpty() ? Math.max(startingSequenceNumber, lastTrimmed) : records.get(records.size() - 1).sequenceNumber();
    }

    /** Drops records created before {@code cutoff} (Developer Guide, "DynamoDB Streams": 24-hour retention). */
    void trim(Instant cutoff) {
        int drop = 0;
        while (drop < records.size() && records.get(drop).createdAt().isBefore(cutoff)) drop++;
        if (drop > 0) {
            lastTrimmed = records.get(drop - 1).sequenceNumber();
            records.subList(0, drop).clear();
        }
    }

    /** A closed shard with nothing left to read, closed longer ago than the retention: gone from DescribeStream. */
    boolean expired(Instant cutoff) {
        return !isOpen() && records.isEmpty() && closedAt.isBefore(cutoff);
    }

    long trimHorizon() {
        return Math.max(startingSequenceNumber, lastTrimmed + 1);
    }

    long latest() {
        return lastSequenceNumber() + 1;
    }

    /** AT_SEQUENCE_NUMBER: the position of a sequence number this shard handed out. */
    long positionAt(long sequenceNumber) {
        checkInRange(sequenceNumber);
        checkNotTrimmed(sequenceNumber);
        return sequenceNumber;
    }

    /** AFTER_SEQUENCE_NUMBER: the position just past a sequence number this shard handed out. */
    long positionAfter(long sequenceNumber) {
        checkInRange(sequenceNumber);
        checkNotTrimmed(sequenceNumber + 1);
        return sequenceNumber + 1;
    }

    private void checkInRange(long sequenceNumber) {
        if (sequenceNumber < startingSequenceNumber || sequenceNumber > lastSequenceNumber()) {
            throw DynamoDbException.validation("Invalid SequenceNumber " + SequenceNumbers.format(sequenceNumber)
                    + " for shard " + id);
        }
    }

    /** Up to {@code limit} records from {@code position} on, within GetRecords' 1 MB page. */
    Page read(long position, int limit) {
        checkNotTrimmed(position);
        int from = firstAtOrAfter(position);
        List<StreamRecord> page = new ArrayList<>();
        long bytes = 0;
        for (int i = from; i < records.size() && page.size() < limit; i++) {
            StreamRecord record = records.get(i);
            if (!page.isEmpty() && bytes + record.sizeBytes() > MAX_PAGE_BYTES) break;
            bytes += record.sizeBytes();
            page.add(record);
        }
        long next = page.isEmpty() ? position : page.get(page.size() - 1).sequenceNumber() + 1;
        boolean finished = !isOpen() && from + page.size() >= records.size();
        return new Page(List.copyOf(page), next, finished);
    }

    /** @param finished a closed shard read to its end: GetRecords answers no NextShardIterator */
    record Page(List<StreamRecord> records, long nextPosition, boolean finished) {}

    private void checkNotTrimmed(long position) {
        if (position <= lastTrimmed) {
            throw StreamErrors.trimmed();
        }
    }

    private int firstAtOrAfter(long position) {
        int low = 0;
        int high = records.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (records.get(mid).sequenceNumber() < position) low = mid + 1; else high = mid;
        }
        return low;
    }
}
