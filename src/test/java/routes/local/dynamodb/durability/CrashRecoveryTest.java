package routes.local.dynamodb.durability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import routes.local.dynamodb.api.Action;
import routes.local.dynamodb.streams.Streams;
import routes.local.dynamodb.value.Value;

/** Kills a writing JVM with SIGKILL, twice, and checks that what it acknowledged is all there afterwards. */
class CrashRecoveryTest {

    private static final int ACKS_BEFORE_KILL = 1500;

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedWriteSurvivesKillMinusNineAndStreamsContinue() throws Exception {
        List<String[]> acknowledged = new ArrayList<>();
        acknowledged.addAll(runAndKill("first"));
        acknowledged.addAll(runAndKill("second"));

        FakeDatabase database = new FakeDatabase();
        Streams streams = Commits.streams();
        try (DurableLog log = DurableLog.recover(dir, 256 * 1024, database, streams)) {
            database.listen(streams);
            database.listen(log);
            for (String[] ack : acknowledged) {
                long sk = Long.parseLong(ack[1]);
                assertThat(database.item("orders", Commits.key(ack[0], sk)))
                        .as("acknowledged write %s %s", ack[0], ack[1])
                        .isEqualTo(Commits.everyType(ack[0], sk));
            }
            // Nothing half-written: every item there is one a writer sent whole.
            for (Map<String, Value> item : database.items("orders")) {
                String pk = ((Value.S) item.get("pk")).value();
                long sk = ((Value.N) item.get("sk")).value().longValueExact();
                assertThat(item).isEqualTo(Commits.everyType(pk, sk));
            }
            try (Stream<Path> files = Files.list(dir)) {
                assertThat(files).as("the writers ran long enough to snapshot")
                        .anyMatch(f -> f.getFileName().toString().startsWith("snapshot-"));
            }
            List<String> before = sequenceNumbers(streams);
            assertThat(before).isSorted().doesNotHaveDuplicates();
            database.commit(Commits.put("orders", "after-crash", 1, 1));
            List<String> after = sequenceNumbers(streams);
            assertThat(after).hasSize(before.size() + 1);
            assertThat(after.get(after.size() - 1)).isGreaterThan(before.get(before.size() - 1));
        }
    }

    private List<String[]> runAndKill(String run) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashingWriter.class.getName(), dir.toString(), run, "8")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        return AcknowledgedWrites.untilKilled(child, ACKS_BEFORE_KILL).stream().map(ack -> ack.split(" ")).toList();
    }

    private static List<String> sequenceNumbers(Streams streams) {
        Map<String, Action> actions = new HashMap<>();
        streams.register(actions);
        JsonNodeFactory json = JsonNodeFactory.instance;
        String arn = actions.get("ListStreams").handle(json.objectNode().put("TableName", "orders"))
                .get("Streams").get(0).get("StreamArn").asText();
        List<String> sequence = new ArrayList<>();
        JsonNode shards = actions.get("DescribeStream").handle(json.objectNode().put("StreamArn", arn))
                .get("StreamDescription").get("Shards");
        for (JsonNode shard : shards) {
            ObjectNode request = json.objectNode().put("StreamArn", arn).put("ShardId", shard.get("ShardId").asText())
                    .put("ShardIteratorType", "TRIM_HORIZON");
            String iterator = actions.get("GetShardIterator").handle(request).get("ShardIterator").asText();
            while (iterator != null) {
                JsonNode page = actions.get("GetRecords").handle(json.objectNode().put("ShardIterator", iterator));
                page.get("Records").forEach(r -> sequence.add(r.get("dynamodb").get("SequenceNumber").asText()));
                iterator = page.get("Records").isEmpty() ? null
                        : page.hasNonNull("NextShardIterator") ? page.get("NextShardIterator").asText() : null;
            }
        }
        return sequence;
    }
}
