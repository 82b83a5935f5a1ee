package routes.local.dynamodb.streams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import routes.local.dynamodb.DynamoDbEmulatorSettings;
import routes.local.dynamodb.api.Action;
import routes.local.dynamodb.api.DynamoDbException;

/**
 * The four DynamoDB Streams operations over {@link Streams}' state (API Reference, "Amazon DynamoDB
 * Streams" actions): parse the request, look up under the streams lock, render the answer.
 */
final class StreamsApi {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final List<String> ITERATOR_TYPES =
            List.of("TRIM_HORIZON", "LATEST", "AT_SEQUENCE_NUMBER", "AFTER_SEQUENCE_NUMBER");

    private final Streams streams;
    private final DynamoDbEmulatorSettings settings;
    private final Clock clock;

    StreamsApi(Streams streams, DynamoDbEmulatorSettings settings, Clock clock) {
        this.streams = streams;
        this.settings = settings;
        this.clock = clock;
    }

    void register(Map<String, Action> actions) {
        actions.put("ListStreams", this::listStreams);
        actions.put("DescribeStream", this::describeStream);
        actions.put("GetShardIterator", this::getShardIterator);
        actions.put("GetRecords", this::getRecords);
    }

    ObjectNode listStreams(JsonNode request) {
        String tableName = optionalText(request, "TableName");
        int limit = limit(request, 100);
        String exclusiveStart = optionalText(request, "ExclusiveStartStreamArn");
        return streams.locked(() -> {
            // Newest first: a client taking the first stream of a table gets its current one.
            List<TableStream> matching = streams.retained().stream()
                    .filter(stream -> tableName == null || stream.tableName().equals(tableName))
                    .sorted(Comparator.comparing(TableStream::createdAt).reversed())
                    .toList();
            int from = 0;
            if (exclusiveStart != null) {
                while (from < matching.size() && !matching.get(from).arn().equals(exclusiveStart)) from++;
                from++;
            }
            ObjectNode response = JSON.objectNode();
            ArrayNode list = response.putArray("Streams");
            int to = Math.min(matching.size(), from + limit);
            for (int i = from; i < to; i++) {
                TableStream stream = matching.get(i);
                list.addObject().put("StreamArn", stream.arn()).put("TableName", stream.tableName())
                        .put("StreamLabel", stream.label());
            }
            if (to < matching.size()) response.put("LastEvaluatedStreamArn", matching.get(to - 1).arn());
            return response;
        });
    }

    ObjectNode describeStream(JsonNode request) {
        String arn = requiredText(request, "StreamArn");
        int limit = limit(request, 100);
        String exclusiveStart = optionalText(request, "ExclusiveStartShardId");
        return streams.locked(() -> {
            TableStream stream = existing(arn);
            ObjectNode description = JSON.objectNode();
            description.put("StreamArn", stream.arn());
            description.put("StreamLabel", stream.label());
            description.put("StreamStatus", stream.enabled() ? "ENABLED" : "DISABLED");
            description.put("StreamViewType", stream.viewType());
            description.put("CreationRequestDateTime", stream.createdAt().toEpochMilli() / 1000.0);
            description.put("TableName", stream.tableName());
            ArrayNode keySchema = description.putArray("KeySchema");
            keySchema.addObject().put("AttributeName", stream.key().partitionKey()).put("KeyType", "HASH");
            if (stream.key().sortKey() != null) {
                keySchema.addObject().put("AttributeName", stream.key().sortKey()).put("KeyType", "RANGE");
            }
            List<Shard> shards = stream.shards();
            int from = 0;
            if (exclusiveStart != null) {
                while (from < shards.size() && !shards.get(from).id().equals(exclusiveStart)) from++;
                from++;
            }
            ArrayNode list = description.putArray("Shards");
            int to = Math.min(shards.size(), from + limit);
            for (int i = from; i < to; i++) list.add(shardJson(shards.get(i)));
            if (to < shards.size()) description.put("LastEvaluatedShardId", shards.get(to - 1).id());
            ObjectNode response = JSON.objectNode();
            response.set("StreamDescription", description);
            return response;
        });
    }

    ObjectNode getShardIterator(JsonNode request) {
        String arn = requiredText(request, "StreamArn");
        String shardId = requiredText(request, "ShardId");
        String type = requiredText(request, "ShardIteratorType");
        if (!ITERATOR_TYPES.contains(type)) {
            throw DynamoDbException.constraint("Value '" + type
                    + "' at 'shardIteratorType' failed to satisfy constraint: Member must satisfy enum value set: "
                    + ITERATOR_TYPES);
        }
        String sequenceText = optionalText(request, "SequenceNumber");
        boolean needsSequence = type.endsWith("_SEQUENCE_NUMBER");
        if (needsSequence && sequenceText == null) {
            throw DynamoDbException.validation("Must specify a sequence number for iterator type " + type);
        }
        if (!needsSequence && sequenceText != null) {
            throw DynamoDbException.validation("Sequence number must not be specified for iterator type " + type);
        }
        Instant now = clock.instant();
        long position = streams.locked(() -> {
            Shard shard = existing(arn).shard(shardId);
            if (shard == null) throw StreamErrors.shardNotFound(arn, shardId);
            return switch (type) {
                case "TRIM_HORIZON" -> shard.trimHorizon();
                case "LATEST" -> shard.latest();
                case "AT_SEQUENCE_NUMBER" -> shard.positionAt(SequenceNumbers.parse(sequenceText));
                default -> shard.positionAfter(SequenceNumbers.parse(sequenceText));
            };
        });
        ObjectNode response = JSON.objectNode();
        response.put("ShardIterator", new ShardIterator(arn, shardId, position, now).encode());
        return response;
    }

    ObjectNode getRecords(JsonNode request) {
        ShardIterator iterator = ShardIterator.decode(requiredText(request, "ShardIterator"));
        int limit = limit(request, 1000);
        Instant now = clock.instant();
        if (now.isAfter(iterator.createdAt().plus(settings.iteratorLifetime()))) {
            throw StreamErrors.expired(iterator.createdAt(), now, settings.iteratorLifetime());
        }
        Shard.Page page = streams.locked(() -> {
            Shard shard = existing(iterator.streamArn()).shard(iterator.shardId());
            // The shard was ours once (we issued the iterator): it is gone because retention passed.
            if (shard == null) throw StreamErrors.trimmed();
            return shard.read(iterator.position(), limit);
        });
        ObjectNode response = JSON.objectNode();
        ArrayNode records = response.putArray("Records");
        page.records().forEach(record -> records.add(StreamRecordJson.toRecord(record, settings.region())));
        if (!page.finished()) {
            response.put("NextShardIterator",
                    new ShardIterator(iterator.streamArn(), iterator.shardId(), page.nextPosition(), now).encode());
        }
        return response;
    }

    private TableStream existing(String arn) {
        TableStream stream = streams.stream(arn);
        if (stream == null) throw StreamErrors.streamNotFound(arn);
        return stream;
    }

    private static ObjectNode shardJson(Shard shard) {
        ObjectNode node = JSON.objectNode();
        node.put("ShardId", shard.id());
        ObjectNode range = node.putObject("SequenceNumberRange");
        range.put("StartingSequenceNumber", SequenceNumbers.format(shard.startingSequenceNumber()));
        if (!shard.isOpen()) range.put("EndingSequenceNumber", SequenceNumbers.format(shard.endingSequenceNumber()));
        if (shard.parentId() != null) node.put("ParentShardId", shard.parentId());
        return node;
    }

    private static int limit(JsonNode request, int max) {
        JsonNode limit = request.get("Limit");
        if (limit == null || limit.isNull()) return max;
        if (!limit.canConvertToInt() || limit.asInt() < 1 || limit.asInt() > max) {
            throw DynamoDbException.constraint("Value '" + limit.asText()
                    + "' at 'limit' failed to satisfy constraint: Member must have value between 1 and " + max);
        }
        return limit.asInt();
    }

    private static String requiredText(JsonNode request, String name) {
        String value = optionalText(request, name);
        if (value == null || value.isEmpty()) {
            throw DynamoDbException.constraint("Value null at '"
                    + Character.toLowerCase(name.charAt(0)) + name.substring(1)
                    + "' failed to satisfy constraint: Member must not be null");
        }
        return value;
    }

    private static String optionalText(JsonNode request, String name) {
        JsonNode node = request == null ? null : request.get(name);
        if (node == null || node.isNull()) return null;
        if (!node.isTextual()) throw DynamoDbException.serialization(name + " must be a string");
        return node.textValue();
    }
}
