package coordinator;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One coordinator per object store: Narayana's default store takes no file locks, and two coordinators recovering
 * the same LRAs would both call their participants.
 */
final class ObjectStoreLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private ObjectStoreLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static ObjectStoreLock acquire(Path objectStoreDir) {
        Path lockFile = objectStoreDir.resolve("coordinator.lock");
        FileChannel channel = null;
        try {
            Files.createDirectories(objectStoreDir);
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                throw new StoreInUseException(objectStoreDir);
            }
            return new ObjectStoreLock(channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new IllegalStateException("cannot lock the object store " + objectStoreDir + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    // another process holding the lock answers null; this JVM holding it throws instead
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // already failing: the first error is the one to report
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new IllegalStateException("cannot release the object store lock", e);
        }
    }

    /** Another coordinator (this JVM or another process) already serves this object store. */
    static final class StoreInUseException extends RuntimeException {

        StoreInUseException(Path objectStoreDir) {
            super("the object store " + objectStoreDir + " is in use by another coordinator; stop it or choose another"
                    + " directory with -D" + CoordinatorSettings.OBJECT_STORE_DIR.systemProperty() + "=<dir> or "
                    + CoordinatorSettings.OBJECT_STORE_DIR.environmentVariable() + "=<dir>");
        }
    }
}
