package routes.local.dynamodb.durability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import routes.local.dynamodb.engine.Commit;
import routes.local.dynamodb.engine.ItemChange;
import routes.local.dynamodb.engine.TableDefinition;
import routes.local.dynamodb.value.Value;
import routes.local.dynamodb.value.ValueJson;

/**
 * A {@link Commit} as the payload of one log record: compact JSON, attribute values in their wire form
 * (see {@link ValueJson}), times as ISO-8601 with full precision so a replay sees the same instants.
 */
final class CommitJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CommitJson() {}

    static byte[] write(Commit commit) {
        try {
            return JSON.writeValueAsBytes(toJson(commit));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Commit read(byte[] payload) {
        try {
            return fromJson(JSON.readTree(payload));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode toJson(Commit commit) {
        ObjectNode node = JSON.createObjectNode();
        node.put("at", commit.at().toString());
        if (commit instanceof Commit.TableCreated created) {
            node.put("type", "TableCreated");
            node.set("table", table(created.table()));
        } else if (commit instanceof Commit.TableUpdated updated) {
            node.put("type", "TableUpdated");
            node.set("table", table(updated.table()));
        } else if (commit instanceof Commit.TableDeleted deleted) {
            node.put("type", "TableDeleted");
            node.put("table", deleted.table());
        } else if (commit instanceof Commit.ItemsChanged changed) {
            node.put("type", "ItemsChanged");
            node.put("byService", changed.byService());
            ArrayNode changes = node.putArray("changes");
            for (ItemChange change : changed.changes()) {
                ObjectNode c = changes.addObject();
                c.put("table", change.table());
                c.set("keys", ValueJson.toJson(change.keys()));
                if (change.oldImage() != null) c.set("old", ValueJson.toJson(change.oldImage()));
                if (change.newImage() != null) c.set("new", ValueJson.toJson(change.newImage()));
            }
        }
        return node;
    }

    static Commit fromJson(JsonNode node) {
        Instant at = Instant.parse(node.get("at").asText());
        return switch (node.get("type").asText()) {
            case "TableCreated" -> new Commit.TableCreated(at, table(node.get("table")));
            case "TableUpdated" -> new Commit.TableUpdated(at, table(node.get("table")));
            case "TableDeleted" -> new Commit.TableDeleted(at, node.get("table").asText());
            case "ItemsChanged" -> {
                List<ItemChange> changes = new ArrayList<>();
                for (JsonNode c : node.get("changes")) {
                    changes.add(new ItemChange(c.get("table").asText(), ValueJson.item(c.get("keys")),
                            ValueJson.item(c.get("old")), ValueJson.item(c.get("new"))));
                }
                yield new Commit.ItemsChanged(at, changes, node.get("byService").asBoolean());
            }
            default -> throw new IllegalArgumentException("Unknown commit type " + node.get("type"));
        };
    }

    private static ObjectNode table(TableDefinition table) {
        ObjectNode node = JSON.createObjectNode();
        node.put("name", table.name());
        ObjectNode types = node.putObject("attributeTypes");
        table.attributeTypes().forEach((name, type) -> types.put(name, type.name()));
        node.set("key", key(table.key()));
        node.set("globalIndexes", indexes(table.globalIndexes()));
        node.set("localIndexes", indexes(table.localIndexes()));
        node.put("billingMode", table.billingMode());
        node.put("streamViewType", table.stream() == null ? null : table.stream().viewType());
        node.put("streamLabel", table.streamLabel());
        node.put("ttlAttribute", table.ttlAttribute());
        node.put("createdAt", table.createdAt() == null ? null : table.createdAt().toString());
        return node;
    }

    private static TableDefinition table(JsonNode node) {
        Map<String, Value.Type> types = new LinkedHashMap<>();
        node.get("attributeTypes").fields().forEachRemaining(e -> types.put(e.getKey(), Value.Type.valueOf(e.getValue().asText())));
        String viewType = text(node.get("streamViewType"));
        String createdAt = text(node.get("createdAt"));
        return new TableDefinition(node.get("name").asText(), types, key(node.get("key")), indexes(node.get("globalIndexes")),
                indexes(node.get("localIndexes")), text(node.get("billingMode")),
                viewType == null ? null : new TableDefinition.StreamSettings(viewType), text(node.get("streamLabel")),
                text(node.get("ttlAttribute")), createdAt == null ? null : Instant.parse(createdAt));
    }

    private static ObjectNode key(TableDefinition.KeySchema key) {
        ObjectNode node = JSON.createObjectNode();
        node.put("partitionKey", key.partitionKey());
        node.put("sortKey", key.sortKey());
        return node;
    }

    private static TableDefinition.KeySchema key(JsonNode node) {
        return new TableDefinition.KeySchema(node.get("partitionKey").asText(), text(node.get("sortKey")));
    }

    private static ArrayNode indexes(List<TableDefinition.IndexDefinition> indexes) {
        ArrayNode array = JSON.createArrayNode();
        for (TableDefinition.IndexDefinition index : indexes) {
            ObjectNode node = array.addObject();
            node.put("name", index.name());
            node.set("key", key(index.key()));
            node.put("projectionType", index.projectionType());
            ArrayNode attributes = node.putArray("nonKeyAttributes");
            index.nonKeyAttributes().forEach(attributes::add);
        }
        return array;
    }

    private static List<TableDefinition.IndexDefinition> indexes(JsonNode array) {
        List<TableDefinition.IndexDefinition> indexes = new ArrayList<>();
        for (JsonNode node : array) {
            List<String> attributes = new ArrayList<>();
            node.get("nonKeyAttributes").forEach(a -> attributes.add(a.asText()));
            indexes.add(new TableDefinition.IndexDefinition(node.get("name").asText(), key(node.get("key")),
                    node.get("projectionType").asText(), attributes));
        }
        return indexes;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
