package routes.local.dynamodb.durability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files under {@code <dataDir>/dynamodb}: log segments {@code log-<position>.seg} named by the log
 * position they start at, snapshots {@code snapshot-<position>.snap} named by the position they cover,
 * and a lock file so two emulators never write one directory.
 */
final class DataDirectory implements AutoCloseable {

    private static final Pattern SEGMENT = Pattern.compile("log-(\\d{20})\\.seg");
    private static final Pattern SNAPSHOT = Pattern.compile("snapshot-(\\d{20})\\.snap");

    private final Path dir;
    private final FileChannel lockChannel;
    private final FileLock lock;

    DataDirectory(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
            lockChannel = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock acquired;
            try {
                acquired = lockChannel.tryLock();
            } catch (OverlappingFileLockException e) {
                acquired = null;
            }
            if (acquired == null) {
                lockChannel.close();
                throw new IllegalStateException("The DynamoDB data directory " + dir + " is in use by another emulator");
            }
            lock = acquired;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the DynamoDB data directory " + dir, e);
        }
    }

    Path path() { return dir; }

    Path segment(long start) { return dir.resolve(String.format("log-%020d.seg", start)); }

    Path snapshot(long position) { return dir.resolve(String.format("snapshot-%020d.snap", position)); }

    /** Start positions of the log segments, ascending. */
    List<Long> segments() { return positions(SEGMENT); }

    /** Positions of the snapshots, ascending. */
    List<Long> snapshots() { return positions(SNAPSHOT); }

    /** Makes a file creation, rename or deletion in the directory itself durable. */
    void syncDirectory() throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /** Leftovers of a snapshot that was being written when the process died. */
    void deleteTemporaryFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    @Override
    public void close() throws IOException {
        lock.release();
        lockChannel.close();
    }

    private List<Long> positions(Pattern pattern) {
        List<Long> positions = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(file -> {
                Matcher m = pattern.matcher(file.getFileName().toString());
                if (m.matches()) positions.add(Long.parseLong(m.group(1)));
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        positions.sort(null);
        return positions;
    }
}
