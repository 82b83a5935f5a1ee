package routes.local.dynamodb.streams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import routes.local.dynamodb.value.ValueJson;

/**
 * A {@link StreamRecord} as GetRecords answers it (API Reference, DynamoDB Streams "Record" and
 * "StreamRecord"), and in the fuller form a snapshot keeps it.
 */
final class StreamRecordJson {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private StreamRecordJson() {}

    static ObjectNode toRecord(StreamRecord record, String region) {
        ObjectNode node = JSON.objectNode();
        node.put("eventID", record.eventId());
        node.put("eventName", record.eventName());
        node.put("eventVersion", "1.1");
        node.put("eventSource", "aws:dynamodb");
        node.put("awsRegion", region);
        ObjectNode dynamodb = node.putObject("dynamodb");
        dynamodb.put("ApproximateCreationDateTime", record.createdAt().getEpochSecond());
        dynamodb.set("Keys", ValueJson.toJson(record.keys()));
        if (record.newImage() != null) dynamodb.set("NewImage", ValueJson.toJson(record.newImage()));
        if (record.oldImage() != null) dynamodb.set("OldImage", ValueJson.toJson(record.oldImage()));
        dynamodb.put("SequenceNumber", SequenceNumbers.format(record.sequenceNumber()));
        dynamodb.put("SizeBytes", record.sizeBytes());
        dynamodb.put("StreamViewType", record.viewType());
        if (record.byService()) {
            ObjectNode identity = node.putObject("userIdentity");
            identity.put("Type", "Service");
            identity.put("PrincipalId", "dynamodb.amazonaws.com");
        }
        return node;
    }

    static ObjectNode toSnapshot(StreamRecord record) {
        ObjectNode node = JSON.objectNode();
        node.put("id", record.eventId());
        node.put("name", record.eventName());
        node.put("seq", record.sequenceNumber());
        node.put("at", record.createdAt().toString());
        node.set("keys", ValueJson.toJson(record.keys()));
        if (record.oldImage() != null) node.set("old", ValueJson.toJson(record.oldImage()));
        if (record.newImage() != null) node.set("new", ValueJson.toJson(record.newImage()));
        node.put("view", record.viewType());
        node.put("size", record.sizeBytes());
        node.put("service", record.byService());
        return node;
    }

    static StreamRecord fromSnapshot(JsonNode node) {
        return new StreamRecord(
                node.get("id").asText(),
                node.get("name").asText(),
                node.get("seq").asLong(),
                Instant.parse(node.get("at").asText()),
                ValueJson.item(node.get("keys")),
                ValueJson.item(node.get("old")),
                ValueJson.item(node.get("new")),
                node.get("view").asText(),
                node.get("size").asLong(),
                node.get("service").asBoolean());
    }
}
