package routes.local.dynamodb.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import routes.local.dynamodb.api.Action;
import routes.local.dynamodb.api.DynamoDbException;
import routes.local.dynamodb.expr.ExpressionAttributes;
import routes.local.dynamodb.expr.Projection;
import routes.local.dynamodb.value.ItemSize;
import routes.local.dynamodb.value.Value;
import routes.local.dynamodb.value.ValueJson;

/**
 * BatchGetItem (at most 100 keys, 16 MB answered) and BatchWriteItem (at most 25 puts and deletes,
 * applied as one commit). Nothing is throttled here: UnprocessedItems is always empty, and
 * UnprocessedKeys holds only what the 16 MB answer limit left over.
 */
final class BatchActions {

    private final Database database;

    BatchActions(Database database) {
        this.database = database;
    }

    void register(Map<String, Action> actions) {
        actions.put("BatchGetItem", this::batchGetItem);
        actions.put("BatchWriteItem", this::batchWriteItem);
    }

    // API Reference, BatchGetItem: one response carries at most 16 MB; the keys left over come back unprocessed.
    static final long MAX_RESPONSE_BYTES = 16L * 1024 * 1024;

    private record TableKeys(String table, List<Map<String, Value>> keys, Projection projection, boolean consistent,
                             JsonNode request) {}

    ObjectNode batchGetItem(JsonNode json) {
        Request request = new Request(json);
        List<TableKeys> reads = new ArrayList<>();
        int total = 0;
        for (Map.Entry<String, JsonNode> entry : requestItems(request)) {
            Request tableRequest = new Request(entry.getValue());
            tableRequest.rejectLegacy("AttributesToGet");
            List<Map<String, Value>> keys = new ArrayList<>();
            JsonNode keyNodes = tableRequest.member("Keys");
            if (keyNodes == null || !keyNodes.isArray() || keyNodes.isEmpty()) {
                throw DynamoDbException.constraint("Value at 'requestItems." + entry.getKey()
                        + ".member.keys' failed to satisfy constraint: Member must have length greater than or equal to 1");
            }
            keyNodes.forEach(k -> keys.add(ValueJson.item(k)));
            if (new HashSet<>(keys).size() != keys.size()) {
                throw DynamoDbException.validation("Provided list of item keys contains duplicates");
            }
            total += keys.size();
            ExpressionAttributes attributes = tableRequest.expressionAttributes("ProjectionExpression");
            Projection projection = tableRequest.projection(attributes);
            ItemActions.requireAllUsed(attributes);
            reads.add(new TableKeys(entry.getKey(), keys, projection, tableRequest.bool("ConsistentRead", false), entry.getValue()));
        }
        if (total > 100) {
            throw DynamoDbException.validation("Too many items requested for the BatchGetItem call");
        }
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        ObjectNode responses = response.putObject("Responses");
        ObjectNode unprocessed = response.putObject("UnprocessedKeys");
        database.read(tables -> {
            long bytes = 0;
            for (TableKeys read : reads) {
                Table table = tables.table(read.table());
                ArrayNode items = responses.putArray(read.table());
                for (Map<String, Value> key : read.keys()) {
                    Map<String, Value> item = table.get(table.keyOfKey(key));
                    long size = item == null ? 0 : ItemSize.of(item);
                    if (bytes + size > MAX_RESPONSE_BYTES) {
                        leftOver(unprocessed, read).add(ValueJson.toJson(key));
                    } else if (item != null) {
                        bytes += size;
                        items.add(ValueJson.toJson(read.projection() == null ? item : read.projection().apply(item)));
                    }
                }
            }
            return null;
        });
        addCapacity(response, request, reads.stream().map(TableKeys::table).toList());
        return response;
    }

    /** The Keys list of a table's UnprocessedKeys entry, made on first use with the table's other request members. */
    private static ArrayNode leftOver(ObjectNode unprocessed, TableKeys read) {
        if (!unprocessed.has(read.table())) {
            ObjectNode entry = read.request().deepCopy();
            entry.putArray("Keys");
            unprocessed.set(read.table(), entry);
        }
        return (ArrayNode) unprocessed.get(read.table()).get("Keys");
    }

    ObjectNode batchWriteItem(JsonNode json) {
        Request request = new Request(json);
        List<ItemWrite> writes = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : requestItems(request)) {
            JsonNode requests = entry.getValue();
            if (!requests.isArray() || requests.isEmpty()) {
                throw DynamoDbException.constraint("Value at 'requestItems' failed to satisfy constraint: "
                        + "Map value must satisfy constraint: [Member must have length less than or equal to 25, "
                        + "Member must have length greater than or equal to 1]");
            }
            for (JsonNode element : requests) {
                writes.add(writeOf(entry.getKey(), new Request(element)));
            }
        }
        if (writes.size() > 25) {
            throw DynamoDbException.constraint("Value at 'requestItems' failed to satisfy constraint: "
                    + "Map value must satisfy constraint: [Member must have length less than or equal to 25, "
                    + "Member must have length greater than or equal to 1]");
        }
        database.write(changes -> {
            ItemWrite.Targets targets = ItemWrite.targets(changes, writes, "Provided list of item keys contains duplicates");
            List<Table> tables = targets.tables();
            List<PrimaryKey> keys = targets.keys();
            List<ItemWrite.Written> written = new ArrayList<>();
            for (int i = 0; i < writes.size(); i++) {
                written.add(writes.get(i).evaluate(tables.get(i), keys.get(i)));
            }
            for (int i = 0; i < writes.size(); i++) {
                changes.change(written.get(i).change(tables.get(i)));
            }
            return null;
        });
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.putObject("UnprocessedItems");
        addCapacity(response, request, writes.stream().map(ItemWrite::table).distinct().toList());
        return response;
    }

    private static ItemWrite writeOf(String table, Request element) {
        if (element.has("PutRequest") == element.has("DeleteRequest")) {
            throw DynamoDbException.validation("Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
        }
        if (element.has("PutRequest")) {
            return new ItemWrite.Put(table, new Request(element.member("PutRequest")).requiredItem("Item"), null, false);
        }
        return new ItemWrite.Delete(table, new Request(element.member("DeleteRequest")).requiredItem("Key"), null, false);
    }

    private static Iterable<Map.Entry<String, JsonNode>> requestItems(Request request) {
        JsonNode items = request.member("RequestItems");
        if (items == null || !items.isObject() || items.isEmpty()) {
            throw DynamoDbException.constraint("Value null at 'requestItems' failed to satisfy constraint: "
                    + "Member must have length greater than or equal to 1");
        }
        Map<String, JsonNode> ordered = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = items.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            ordered.put(field.getKey(), field.getValue());
        }
        return ordered.entrySet();
    }

    private static void addCapacity(ObjectNode response, Request request, List<String> tables) {
        String mode = request.string("ReturnConsumedCapacity");
        if (mode == null || "NONE".equals(mode)) {
            return;
        }
        ArrayNode capacities = response.putArray("ConsumedCapacity");
        tables.forEach(table -> ConsumedCapacity.fill(capacities.addObject(), mode, table, 1));
    }
}
