package routes.local.dynamodb.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import routes.local.dynamodb.api.Action;
import routes.local.dynamodb.engine.Commit;
import routes.local.dynamodb.streams.Streams;

class DurableLogTest {

    @TempDir
    Path dir;

    /** A database, its streams and its log, opened on {@link #dir} the way the emulator starts. */
    private final class Node implements AutoCloseable {
        final FakeDatabase database = new FakeDatabase();
        final Streams streams = Commits.streams();
        final DurableLog log;

        Node(long snapshotAfterBytes) {
            log = DurableLog.recover(dir, snapshotAfterBytes, database, streams);
            database.listen(streams);
            database.listen(log);
        }

        @Override
        public void close() {
            log.close();
        }
    }

    @Test
    void everyCommitTypeComesBackAfterReopening() {
        Object state;
        Object streams;
        try (Node node = new Node(Long.MAX_VALUE)) {
            Commits.everyKind().forEach(node.database::commit);
            state = node.database.state();
            streams = node.streams.snapshot();
        }

        try (Node reopened = new Node(Long.MAX_VALUE)) {
            assertThat(reopened.database.state()).isEqualTo(state);
            assertThat(reopened.streams.snapshot()).isEqualTo(streams);
            assertThat(reopened.database.item("orders", Commits.key("a", 1))).isNull();
        }
    }

    @Test
    void inMemoryWritesNothing() throws IOException {
        DurableLog log = DurableLog.inMemory();
        assertThat(log.committed(Commits.everyKind().get(0))).isZero();
        log.awaitDurable(0);
        log.close();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void groupCommitKeepsEveryAcknowledgedWriteFromManyThreads() throws Exception {
        int threads = 8;
        int perThread = 150;
        try (Node node = new Node(Long.MAX_VALUE)) {
            node.database.commit(new Commit.TableCreated(Commits.AT, Commits.table("orders", true)));
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String writer = "w" + t;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) node.database.commit(Commits.put("orders", writer, i, i));
                }));
            }
            for (Future<?> w : writers) w.get();
            pool.shutdown();
            assertThat(node.log.fsyncs()).as("one fsync covers commits that waited together").isLessThan(threads * perThread);
        }

        try (Node reopened = new Node(Long.MAX_VALUE)) {
            assertThat(reopened.database.itemCount("orders")).isEqualTo(threads * perThread);
        }
    }

    @Test
    void aTornLastRecordIsDroppedAndWritingContinuesAfterIt() throws IOException {
        try (Node node = new Node(Long.MAX_VALUE)) {
            node.database.commit(new Commit.TableCreated(Commits.AT, Commits.table("orders", true)));
            for (int i = 0; i < 10; i++) node.database.commit(Commits.put("orders", "k", i, i));
        }
        Path segment = onlySegment();
        long intact = Files.size(segment);
        byte[] frame = Frames.frame(CommitJson.write(Commits.put("orders", "torn", 1, 99)));
        Files.write(segment, java.util.Arrays.copyOf(frame, frame.length - 7), StandardOpenOption.APPEND);

        try (Node reopened = new Node(Long.MAX_VALUE)) {
            assertThat(reopened.database.itemCount("orders")).isEqualTo(10);
            assertThat(reopened.database.item("orders", Commits.key("torn", 1))).isNull();
            assertThat(Files.size(segment)).isEqualTo(intact);
            reopened.database.commit(Commits.put("orders", "after", 1, 100));
        }
        try (Node again = new Node(Long.MAX_VALUE)) {
            assertThat(again.database.itemCount("orders")).isEqualTo(11);
        }
    }

    @Test
    void aLastRecordWithABadChecksumIsDropped() throws IOException {
        try (Node node = new Node(Long.MAX_VALUE)) {
            node.database.commit(new Commit.TableCreated(Commits.AT, Commits.table("orders", true)));
            node.database.commit(Commits.put("orders", "k", 1, 1));
        }
        flipByte(onlySegment(), Files.size(onlySegment()) - 3);

        try (Node reopened = new Node(Long.MAX_VALUE)) {
            assertThat(reopened.database.itemCount("orders")).isZero();
        }
    }

    @Test
    void damageInTheMiddleOfTheLogStopsStartUp() throws IOException {
        try (Node node = new Node(Long.MAX_VALUE)) {
            node.database.commit(new Commit.TableCreated(Commits.AT, Commits.table("orders", true)));
            for (int i = 0; i < 5; i++) node.database.commit(Commits.put("orders", "k", i, i));
        }
        flipByte(onlySegment(), 20);

        assertThatThrownBy(() -> new Node(Long.MAX_VALUE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("damaged at offset 0");
    }

    @Test
    void snapshotsReplaceOldSegmentsAndRestoreTheSameState() throws IOException {
        Object state;
        Object streams;
        try (Node node = new Node(4096)) {
            node.database.commit(new Commit.TableCreated(Commits.AT, Commits.table("orders", true)));
            for (int i = 0; i < 200; i++) node.database.commit(Commits.put("orders", "k" + (i % 50), i, i));
            await().atMost(Duration.ofSeconds(20)).until(() -> !listing("snapshot-").isEmpty());
            node.log.snapshot();
            for (int i = 0; i < 5; i++) node.database.commit(Commits.put("orders", "late", i, 300 + i));
            state = node.database.state();
            streams = node.streams.snapshot();
        }
        assertThat(listing("snapshot-")).hasSize(1);
        assertThat(listing("log-")).hasSize(1);

        try (Node reopened = new Node(4096)) {
            assertThat(reopened.database.state()).isEqualTo(state);
            assertThat(reopened.streams.snapshot()).isEqualTo(streams);
        }
        try (Node again = new Node(4096)) {
            assertThat(again.database.state()).isEqualTo(state);
        }
    }

    @Test
    void snapshotsTakenWhileManyThreadsWriteLoseNothing() throws Exception {
        Object state;
        try (Node node = new Node(8 * 1024)) {
            node.database.commit(new Commit.TableCreated(Commits.AT, Commits.table("orders", true)));
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                String writer = "w" + t;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 300; i++) node.database.commit(Commits.put("orders", writer, i, i));
                }));
            }
            for (Future<?> w : writers) w.get();
            pool.shutdown();
            state = node.database.state();
        }
        assertThat(listing("snapshot-")).hasSize(1);

        try (Node reopened = new Node(8 * 1024)) {
            assertThat(reopened.database.itemCount("orders")).isEqualTo(1200);
            assertThat(reopened.database.state()).isEqualTo(state);
        }
    }

    @Test
    void aSnapshotTakenJustBeforeACrashIsNotNeededToRecover() throws IOException {
        Object state;
        try (Node node = new Node(Long.MAX_VALUE)) {
            node.database.commit(new Commit.TableCreated(Commits.AT, Commits.table("orders", true)));
            node.database.commit(Commits.put("orders", "k", 1, 1));
            node.log.snapshot();
            node.database.commit(Commits.put("orders", "k", 2, 2));
            state = node.database.state();
        }
        // A crash while the next snapshot was being written leaves only its temporary file.
        Files.writeString(dir.resolve("snapshot-00000000000000099999.snap.tmp"), "half");

        try (Node reopened = new Node(Long.MAX_VALUE)) {
            assertThat(reopened.database.state()).isEqualTo(state);
        }
        assertThat(listing("snapshot-")).hasSize(1);
    }

    @Test
    void aShardIteratorFromBeforeARestartReadsOnAfterIt() {
        String iterator;
        try (Node node = new Node(Long.MAX_VALUE)) {
            node.database.commit(new Commit.TableCreated(Commits.AT, Commits.table("orders", true)));
            node.database.commit(Commits.put("orders", "before", 1, 1));
            JsonNode page = call(node.streams, "GetRecords", "ShardIterator", trimHorizon(node.streams));
            assertThat(page.get("Records")).hasSize(1);
            iterator = page.get("NextShardIterator").asText();
        }

        try (Node reopened = new Node(Long.MAX_VALUE)) {
            reopened.database.commit(Commits.put("orders", "after", 1, 2));
            JsonNode page = call(reopened.streams, "GetRecords", "ShardIterator", iterator);
            assertThat(page.get("Records")).extracting(r -> r.get("dynamodb").get("Keys").get("pk").get("S").asText())
                    .containsExactly("after");
        }
    }

    private static String trimHorizon(Streams streams) {
        String arn = call(streams, "ListStreams").get("Streams").get(0).get("StreamArn").asText();
        String shard = call(streams, "DescribeStream", "StreamArn", arn).get("StreamDescription").get("Shards").get(0)
                .get("ShardId").asText();
        return call(streams, "GetShardIterator", "StreamArn", arn, "ShardId", shard, "ShardIteratorType", "TRIM_HORIZON")
                .get("ShardIterator").asText();
    }

    private static JsonNode call(Streams streams, String action, String... nameValues) {
        Map<String, Action> actions = new HashMap<>();
        streams.register(actions);
        ObjectNode request = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < nameValues.length; i += 2) request.put(nameValues[i], nameValues[i + 1]);
        return actions.get(action).handle(request);
    }

    @Test
    void aSnapshotWithNothingNewSinceTheLastOneChangesNothing() throws IOException {
        Object state;
        try (Node node = new Node(Long.MAX_VALUE)) {
            node.database.commit(new Commit.TableCreated(Commits.AT, Commits.table("orders", true)));
            node.database.commit(Commits.put("orders", "k", 1, 1));
            node.log.snapshot();
            node.log.snapshot();
            node.database.commit(Commits.put("orders", "k", 2, 2));
            state = node.database.state();
        }
        assertThat(listing("snapshot-")).hasSize(1);

        try (Node reopened = new Node(Long.MAX_VALUE)) {
            assertThat(reopened.database.state()).isEqualTo(state);
        }
    }

    @Test
    void oneDataDirectoryServesOneEmulatorAtATime() {
        try (Node node = new Node(Long.MAX_VALUE)) {
            assertThatThrownBy(() -> new Node(Long.MAX_VALUE)).hasMessageContaining("in use");
        }
    }

    private Path onlySegment() throws IOException {
        List<Path> segments = listing("log-");
        assertThat(segments).hasSize(1);
        return segments.get(0);
    }

    private List<Path> listing(String prefix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)).sorted().toList();
        }
    }

    private static void flipByte(Path file, long offset) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(offset);
            int b = raf.read();
            raf.seek(offset);
            raf.write(b ^ 0x5a);
        }
    }
}
