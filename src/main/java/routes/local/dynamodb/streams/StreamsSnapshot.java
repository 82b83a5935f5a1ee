package routes.local.dynamodb.streams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import routes.local.dynamodb.engine.TableDefinition;

/**
 * Everything {@link Streams} holds, copied at one commit boundary: what a durability snapshot stores so
 * that a restart continues with the same streams, shards, records and sequence numbers. Records are
 * immutable, so the copy is shallow and cheap; rendering it to JSON happens outside the database lock.
 */
public record StreamsSnapshot(long lastSequenceNumber, List<StreamState> streams) {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    public StreamsSnapshot {
        streams = List.copyOf(streams);
    }

    static StreamsSnapshot of(long lastSequenceNumber, Collection<TableStream> streams) {
        List<StreamState> states = new ArrayList<>();
        for (TableStream stream : streams) states.add(StreamState.of(stream));
        return new StreamsSnapshot(lastSequenceNumber, states);
    }

    public ObjectNode toJson() {
        ObjectNode node = JSON.objectNode();
        node.put("lastSequenceNumber", lastSequenceNumber);
        ArrayNode array = node.putArray("streams");
        streams.forEach(stream -> array.add(stream.toJson()));
        return node;
    }

    public static StreamsSnapshot fromJson(JsonNode node) {
        List<StreamState> streams = new ArrayList<>();
        node.get("streams").forEach(stream -> streams.add(StreamState.fromJson(stream)));
        return new StreamsSnapshot(node.get("lastSequenceNumber").asLong(), streams);
    }

    /** One stream as it was; {@code disabledAt} null while enabled. */
    public record StreamState(String arn, String label, String tableName, TableDefinition.KeySchema key, String viewType,
            Instant createdAt, Instant disabledAt, int shardsOpened, List<ShardState> shards) {

        public StreamState {
            shards = List.copyOf(shards);
        }

        static StreamState of(TableStream stream) {
            List<ShardState> shards = new ArrayList<>();
            for (Shard shard : stream.shards()) shards.add(ShardState.of(shard));
            return new StreamState(stream.arn(), stream.label(), stream.tableName(), stream.key(), stream.viewType(),
                    stream.createdAt(), stream.disabledAt(), stream.shardsOpened(), shards);
        }

        TableStream toStream() {
            List<Shard> live = new ArrayList<>();
            for (ShardState shard : shards) live.add(shard.toShard());
            return new TableStream(arn, label, tableName, key, viewType, createdAt, disabledAt, shardsOpened, live);
        }

        ObjectNode toJson() {
            ObjectNode node = JSON.objectNode();
            node.put("arn", arn);
            node.put("label", label);
            node.put("table", tableName);
            node.put("partitionKey", key.partitionKey());
            node.put("sortKey", key.sortKey());
            node.put("viewType", viewType);
            node.put("createdAt", createdAt.toString());
            node.put("disabledAt", disabledAt == null ? null : disabledAt.toString());
            node.put("shardsOpened", shardsOpened);
            ArrayNode array = node.putArray("shards");
            shards.forEach(shard -> array.add(shard.toJson()));
            return node;
        }

        static StreamState fromJson(JsonNode node) {
            List<ShardState> shards = new ArrayList<>();
            node.get("shards").forEach(shard -> shards.add(ShardState.fromJson(shard)));
            return new StreamState(node.get("arn").asText(), node.get("label").asText(), node.get("table").asText(),
                    new TableDefinition.KeySchema(node.get("partitionKey").asText(), textOrNull(node.get("sortKey"))),
                    node.get("viewType").asText(), Instant.parse(node.get("createdAt").asText()),
                    instantOrNull(node.get("disabledAt")), node.get("shardsOpened").asInt(), shards);
        }
    }

    /** One shard as it was; {@code endingSequenceNumber} and {@code closedAt} null while open. */
    public record ShardState(String id, String parentId, long startingSequenceNumber, Long endingSequenceNumber,
            Instant openedAt, Instant closedAt, long lastTrimmed, List<StreamRecord> records) {

        public ShardState {
            records = List.copyOf(records);
        }

        static ShardState of(Shard shard) {
            return new ShardState(shard.id(), shard.parentId(), shard.startingSequenceNumber(),
                    shard.endingSequenceNumber(), shard.openedAt(), shard.closedAt(), shard.lastTrimmed(), shard.records());
        }

        Shard toShard() {
            return new Shard(id, parentId, startingSequenceNumber, openedAt, endingSequenceNumber, closedAt, lastTrimmed, records);
        }

        ObjectNode toJson() {
            ObjectNode node = JSON.objectNode();
            node.put("id", id);
            node.put("parentId", parentId);
            node.put("start", startingSequenceNumber);
            node.put("end", endingSequenceNumber);
            node.put("openedAt", openedAt.toString());
            node.put("closedAt", closedAt == null ? null : closedAt.toString());
            node.put("lastTrimmed", lastTrimmed);
            ArrayNode array = node.putArray("records");
            records.forEach(record -> array.add(StreamRecordJson.toSnapshot(record)));
            return node;
        }

        static ShardState fromJson(JsonNode node) {
            List<StreamRecord> records = new ArrayList<>();
            node.get("records").forEach(record -> records.add(StreamRecordJson.fromSnapshot(record)));
            JsonNode end = node.get("end");
            return new ShardState(node.get("id").asText(), textOrNull(node.get("parentId")), node.get("start").asLong(),
                    end == null || end.isNull() ? null : end.asLong(), Instant.parse(node.get("openedAt").asText()),
                    instantOrNull(node.get("closedAt")), node.get("lastTrimmed").asLong(), records);
        }
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static Instant instantOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : Instant.parse(node.asText());
    }
}
