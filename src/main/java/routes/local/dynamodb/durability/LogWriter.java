package routes.local.dynamodb.durability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Appends frames to the current log segment with group commit: {@link #append} only buffers (it runs under
 * the database's write lock), and the first thread in {@link #awaitDurable} becomes the leader that writes
 * and fsyncs everything buffered so far, while later callers wait for it; one fsync covers them all.
 */
final class LogWriter implements AutoCloseable {

    private final DataDirectory directory;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition flushed = lock.newCondition();
    private ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private FileChannel channel;
    private long segmentStart;
    /** Log position after the last appended frame. */
    private long appended;
    /** Log position up to which everything is written and fsynced. */
    private long durable;
    private boolean flushing;
    private IOException failure;
    private long fsyncs;

    /** Continues the segment starting at {@code segmentStart}, whose intact content ends at {@code position}. */
    LogWriter(DataDirectory directory, long segmentStart, long position) throws IOException {
        this.directory = directory;
        this.segmentStart = segmentStart;
        this.appended = position;
        this.durable = position;
        this.channel = FileChannel.open(directory.segment(segmentStart), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        channel.truncate(position - segmentStart);
        channel.position(position - segmentStart);
        channel.force(true);
        directory.syncDirectory();
    }

    /** Buffers a frame; returns the log position after it, to pass to {@link #awaitDurable}. */
    long append(byte[] frame) {
        lock.lock();
        try {
            pending.writeBytes(frame);
            appended += frame.length;
            return appended;
        } finally {
            lock.unlock();
        }
    }

    /** Bytes in the current segment, written or still buffered. */
    long segmentBytes() {
        lock.lock();
        try {
            return appended - segmentStart;
        } finally {
            lock.unlock();
        }
    }

    /** How many fsyncs the log has made: fewer than commits when group commit batches them. */
    long fsyncs() {
        lock.lock();
        try {
            return fsyncs;
        } finally {
            lock.unlock();
        }
    }

    void awaitDurable(long position) {
        lock.lock();
        try {
            while (true) {
                if (failure != null) throw new UncheckedIOException("The DynamoDB log cannot be written", failure);
                if (durable >= position) return;
                if (flushing) {
                    flushed.awaitUninterruptibly();
                } else {
                    flushAsLeader();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Makes everything appended durable in the current segment and starts a new one at the current
     * position, which it returns. The caller holds the database's write lock, so nothing is appended meanwhile.
     */
    long rotate() {
        lock.lock();
        try {
            while (flushing) flushed.awaitUninterruptibly();
            if (durable < appended) flushAsLeader();
            if (failure != null) throw new UncheckedIOException("The DynamoDB log cannot be written", failure);
            if (appended == segmentStart) {
                return segmentStart; // Nothing written since the last switch: the empty segment serves.
            }
            try {
                channel.close();
                segmentStart = appended;
                channel = FileChannel.open(directory.segment(segmentStart), StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
                directory.syncDirectory();
            } catch (IOException e) {
                failure = e;
                throw new UncheckedIOException("Cannot start a new DynamoDB log segment", e);
            }
            return segmentStart;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            while (flushing) flushed.awaitUninterruptibly();
            if (failure == null && durable < appended) flushAsLeader();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            lock.unlock();
        }
    }

    /** Called with the lock held; releases it for the write and fsync, so appends carry on meanwhile. */
    private void flushAsLeader() {
        flushing = true;
        ByteArrayOutputStream batch = pending;
        pending = new ByteArrayOutputStream();
        long target = appended;
        lock.unlock();
        IOException error = null;
        try {
            ByteBuffer bytes = ByteBuffer.wrap(batch.toByteArray());
            while (bytes.hasRemaining()) channel.write(bytes);
            channel.force(false);
        } catch (IOException e) {
            error = e;
        } finally {
            lock.lock();
        }
        flushing = false;
        fsyncs++;
        if (error != null) failure = error; else durable = target;
        flushed.signalAll();
    }
}
