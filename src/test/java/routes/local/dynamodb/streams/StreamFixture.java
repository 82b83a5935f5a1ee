package routes.local.dynamodb.streams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import routes.local.dynamodb.DynamoDbEmulatorSettings;
import routes.local.dynamodb.api.Action;
import routes.local.dynamodb.engine.Commit;
import routes.local.dynamodb.engine.ItemChange;
import routes.local.dynamodb.engine.TableDefinition;
import routes.local.dynamodb.value.Value;

/** Streams under a hand-moved clock, fed commits the way the database would, and called through its actions. */
final class StreamFixture {

    static final Instant START = Instant.parse("2026-11-30T12:00:00Z");
    static final DynamoDbEmulatorSettings SETTINGS = new DynamoDbEmulatorSettings("127.0.0.1", 0, "eu-west-1",
            "123456789012", null, Duration.ofHours(1), Duration.ofHours(24), Duration.ofMinutes(15), Duration.ofSeconds(5));

    final TestClock clock = new TestClock(START);
    final Streams streams = new Streams(SETTINGS, clock);
    final Map<String, Action> actions = new HashMap<>();

    StreamFixture() {
        streams.register(actions);
    }

    static TableDefinition table(String name, String viewType, String label) {
        return new TableDefinition(name, Map.of("pk", Value.Type.S), new TableDefinition.KeySchema("pk", null),
                List.of(), List.of(), "PAY_PER_REQUEST", viewType == null ? null : new TableDefinition.StreamSettings(viewType),
                label, null, START);
    }

    void createTable(String name, String viewType) {
        streams.committed(new Commit.TableCreated(clock.instant(), table(name, viewType, viewType == null ? null : label())));
    }

    String label() {
        return clock.instant().toString().replace("Z", "");
    }

    static Map<String, Value> item(String pk, String attribute) {
        return attribute == null ? Map.of("pk", Value.s(pk)) : Map.of("pk", Value.s(pk), "a", Value.s(attribute));
    }

    static ItemChange put(String table, String pk, String before, String after) {
        return new ItemChange(table, Map.of("pk", Value.s(pk)), before == null ? null : item(pk, before),
                after == null ? null : item(pk, after));
    }

    void write(ItemChange... changes) {
        streams.committed(new Commit.ItemsChanged(clock.instant(), List.of(changes), false));
    }

    ObjectNode call(String action, Object... nameValues) {
        ObjectNode request = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < nameValues.length; i += 2) {
            Object value = nameValues[i + 1];
            if (value instanceof Integer n) request.put((String) nameValues[i], n); else request.put((String) nameValues[i], (String) value);
        }
        return actions.get(action).handle(request);
    }

    String streamArn(String table) {
        return call("ListStreams", "TableName", table).get("Streams").get(0).get("StreamArn").asText();
    }

    JsonNode shards(String arn) {
        return call("DescribeStream", "StreamArn", arn).get("StreamDescription").get("Shards");
    }

    String iterator(String arn, String shardId, String type, String... sequenceNumber) {
        ObjectNode response = sequenceNumber.length == 0
                ? call("GetShardIterator", "StreamArn", arn, "ShardId", shardId, "ShardIteratorType", type)
                : call("GetShardIterator", "StreamArn", arn, "ShardId", shardId, "ShardIteratorType", type,
                        "SequenceNumber", sequenceNumber[0]);
        return response.get("ShardIterator").asText();
    }

    /** TRIM_HORIZON of the stream's first listed shard. */
    String firstShardIterator(String table) {
        String arn = streamArn(table);
        return iterator(arn, shards(arn).get(0).get("ShardId").asText(), "TRIM_HORIZON");
    }

    ObjectNode records(String iterator) {
        return call("GetRecords", "ShardIterator", iterator);
    }
}
