package routes.local.dynamodb.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import routes.local.dynamodb.api.Action;
import routes.local.dynamodb.api.DynamoDbException;
import routes.local.dynamodb.engine.TableDefinition.IndexDefinition;
import routes.local.dynamodb.engine.TableDefinition.KeySchema;
import routes.local.dynamodb.engine.TableDefinition.StreamSettings;
import routes.local.dynamodb.value.Value;

/**
 * The control plane: CreateTable, DescribeTable, ListTables, DeleteTable and UpdateTable (API
 * Reference). Tables are ACTIVE at once; indexes created later are filled from the existing items.
 */
final class TableActions {

    static final DateTimeFormatter STREAM_LABEL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
    private static final Set<String> BILLING_MODES = Set.of("PROVISIONED", "PAY_PER_REQUEST");
    private static final Set<String> VIEW_TYPES = Set.of("KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES");
    private static final Set<String> PROJECTIONS = Set.of("ALL", "KEYS_ONLY", "INCLUDE");

    private final Database database;
    private final TableDescriptions descriptions;

    TableActions(Database database, TableDescriptions descriptions) {
        this.database = database;
        this.descriptions = descriptions;
    }

    void register(Map<String, Action> actions) {
        actions.put("CreateTable", this::createTable);
        actions.put("DescribeTable", this::describeTable);
        actions.put("ListTables", this::listTables);
        actions.put("DeleteTable", this::deleteTable);
        actions.put("UpdateTable", this::updateTable);
    }

    ObjectNode createTable(JsonNode json) {
        Request request = new Request(json);
        String name = request.tableName();
        Map<String, Value.Type> attributeTypes = attributeDefinitions(request.member("AttributeDefinitions"), true);
        KeySchema key = keySchema(request.member("KeySchema"), "keySchema");
        List<IndexDefinition> globals = indexes(request.member("GlobalSecondaryIndexes"));
        List<IndexDefinition> locals = indexes(request.member("LocalSecondaryIndexes"));
        for (IndexDefinition local : locals) {
            if (key.sortKey() == null) {
                throw DynamoDbException.validation("One or more parameter values were invalid: Table KeySchema does not have a range "
                        + "key, which is required when specifying a LocalSecondaryIndex");
            }
            if (!local.key().partitionKey().equals(key.partitionKey()) || local.key().sortKey() == null) {
                throw DynamoDbException.validation("One or more parameter values were invalid: Index KeySchema does not have the same "
                        + "leading hash key as table KeySchema for index: " + local.name());
            }
        }
        Set<String> indexNames = new LinkedHashSet<>();
        for (IndexDefinition index : concat(globals, locals)) {
            if (!indexNames.add(index.name())) {
                throw DynamoDbException.validation("One or more parameter values were invalid: Duplicate index name: " + index.name());
            }
        }
        checkAttributesMatchKeys(attributeTypes, key, concat(globals, locals));
        String billingMode = billingMode(request);
        StreamSettings stream = streamSettings(request.member("StreamSpecification"));
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        database.write(changes -> {
            if (changes.find(name) != null) {
                throw DynamoDbException.resourceInUse("Table already exists: " + name);
            }
            Instant now = changes.now();
            TableDefinition definition = new TableDefinition(name, attributeTypes, key, globals, locals, billingMode, stream,
                    stream == null ? null : STREAM_LABEL.format(now), null, now);
            changes.control(new Commit.TableCreated(now, definition));
            rememberThroughput(name, request);
            return null;
        });
        response.set("TableDescription", database.read(tables -> descriptions.describe(tables.table(name), "ACTIVE")));
        return response;
    }

    ObjectNode describeTable(JsonNode json) {
        String name = new Request(json).tableName();
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.set("Table", database.read(tables -> descriptions.describe(tables.table(name), "ACTIVE")));
        return response;
    }

    ObjectNode listTables(JsonNode json) {
        Request request = new Request(json);
        String start = request.string("ExclusiveStartTableName");
        Integer limit = request.integer("Limit");
        if (limit != null && (limit < 1 || limit > 100)) {
            throw DynamoDbException.constraint("Value '" + limit
                    + "' at 'limit' failed to satisfy constraint: Member must have value between 1 and 100");
        }
        int max = limit == null ? 100 : limit;
        List<String> names = database.read(Tables::names);
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        ArrayNode page = response.putArray("TableNames");
        String last = null;
        boolean more = false;
        for (String name : names) {
            if (start != null && name.compareTo(start) <= 0) {
                continue;
            }
            if (page.size() == max) {
                more = true;
                break;
            }
            page.add(name);
            last = name;
        }
        if (more) {
            response.put("LastEvaluatedTableName", last);
        }
        return response;
    }

    ObjectNode deleteTable(JsonNode json) {
        String name = new Request(json).tableName();
        ObjectNode description = database.write(changes -> {
            ObjectNode deleting = descriptions.describe(changes.table(name), "DELETING");
            changes.control(new Commit.TableDeleted(changes.now(), name));
            return deleting;
        });
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.set("TableDescription", description);
        return response;
    }

    ObjectNode updateTable(JsonNode json) {
        Request request = new Request(json);
        String name = request.tableName();
        Map<String, Value.Type> newTypes = request.has("AttributeDefinitions")
                ? attributeDefinitions(request.member("AttributeDefinitions"), false) : Map.of();
        String billingMode = request.has("BillingMode") || request.has("ProvisionedThroughput") ? billingMode(request) : null;
        JsonNode streamSpec = request.member("StreamSpecification");
        JsonNode indexUpdates = request.member("GlobalSecondaryIndexUpdates");
        if (billingMode == null && streamSpec == null && indexUpdates == null) {
            throw DynamoDbException.validation("At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, "
                    + "GlobalSecondaryIndexUpdates or SSESpecification or ReplicaUpdates is required");
        }
        ObjectNode description = database.write(changes -> {
            Table table = changes.table(name);
            TableDefinition next = table.definition();
            if (billingMode != null) {
                next = next.withBillingMode(billingMode);
            }
            if (streamSpec != null) {
                next = updateStream(next, streamSpec, changes.now());
            }
            if (indexUpdates != null) {
                next = updateIndexes(next, newTypes, indexUpdates);
            }
            changes.control(new Commit.TableUpdated(changes.now(), next));
            rememberThroughput(name, request);
            return null;
        });
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.set("TableDescription", database.read(tables -> descriptions.describe(tables.table(name), "ACTIVE")));
        return response;
    }

    private void rememberThroughput(String table, Request request) {
        JsonNode throughput = request.member("ProvisionedThroughput");
        if (throughput != null) {
            descriptions.provisioned(table, throughput.path("ReadCapacityUnits").asLong(), throughput.path("WriteCapacityUnits").asLong());
        }
    }

    private static TableDefinition updateStream(TableDefinition definition, JsonNode spec, Instant now) {
        StreamSettings stream = streamSettings(spec);
        if (stream != null) {
            if (definition.stream() != null) {
                throw DynamoDbException.validation("Table already has an enabled stream: TableName: " + definition.name());
            }
            return definition.withStream(stream, STREAM_LABEL.format(now));
        }
        if (definition.stream() == null) {
            throw DynamoDbException.validation("Table already has no stream enabled: TableName: " + definition.name());
        }
        return definition.withStream(null, definition.streamLabel());
    }

    private static TableDefinition updateIndexes(TableDefinition definition, Map<String, Value.Type> newTypes, JsonNode updates) {
        if (!updates.isArray()) {
            throw DynamoDbException.serialization("Expected a list for GlobalSecondaryIndexUpdates");
        }
        Map<String, Value.Type> types = new LinkedHashMap<>(definition.attributeTypes());
        newTypes.forEach((attribute, type) -> {
            Value.Type existing = types.putIfAbsent(attribute, type);
            if (existing != null && existing != type) {
                throw DynamoDbException.validation("One or more parameter values were invalid: Attribute " + attribute
                        + " is already defined with type " + existing);
            }
        });
        List<IndexDefinition> globals = new ArrayList<>(definition.globalIndexes());
        for (JsonNode update : updates) {
            Request u = new Request(update);
            if (u.has("Create")) {
                IndexDefinition created = index(u.member("Create"));
                boolean exists = concat(globals, definition.localIndexes()).stream().anyMatch(i -> i.name().equals(created.name()));
                if (exists) {
                    throw DynamoDbException.validation("One or more parameter values were invalid: Index with name: "
                            + created.name() + " already exists");
                }
                globals.add(created);
            } else if (u.has("Delete")) {
                String indexName = new Request(u.member("Delete")).requiredString("IndexName", "indexName");
                if (!globals.removeIf(i -> i.name().equals(indexName))) {
                    throw DynamoDbException.resourceNotFound("Requested resource not found: Index: " + indexName);
                }
            } else if (!u.has("Update")) {
                throw DynamoDbException.validation("One of Create, Update or Delete is required in a GlobalSecondaryIndexUpdate");
            }
        }
        Set<String> used = new TreeSet<>();
        keyNames(definition.key(), used);
        concat(globals, definition.localIndexes()).forEach(i -> keyNames(i.key(), used));
        for (String attribute : used) {
            if (!types.containsKey(attribute)) {
                throw DynamoDbException.validation("One or more parameter values were invalid: Some index key attributes are not "
                        + "defined in AttributeDefinitions. Keys: [" + attribute + "], AttributeDefinitions: " + types.keySet());
            }
        }
        types.keySet().retainAll(used);
        return definition.withIndexes(types, globals);
    }

    private static Map<String, Value.Type> attributeDefinitions(JsonNode node, boolean required) {
        if (node == null || !node.isArray() || (required && node.isEmpty())) {
            throw DynamoDbException.constraint("Value null at 'attributeDefinitions' failed to "
                    + "satisfy constraint: Member must not be null");
        }
        Map<String, Value.Type> types = new LinkedHashMap<>();
        for (JsonNode element : node) {
            Request definition = new Request(element);
            String name = definition.requiredString("AttributeName", "attributeDefinitions.member.attributeName");
            Value.Type type = TableDescriptions.attributeType(
                    definition.requiredString("AttributeType", "attributeDefinitions.member.attributeType"));
            if (types.put(name, type) != null) {
                throw DynamoDbException.validation("Cannot have two attributes with the same name");
            }
        }
        return types;
    }

    private static KeySchema keySchema(JsonNode node, String wireName) {
        if (node == null || !node.isArray() || node.isEmpty() || node.size() > 2) {
            throw DynamoDbException.constraint("Value at '" + wireName + "' failed to satisfy "
                    + "constraint: Member must have length less than or equal to 2, Member must have length greater than or equal to 1");
        }
        String[] names = new String[node.size()];
        for (int i = 0; i < node.size(); i++) {
            Request k = new Request(node.get(i));
            names[i] = k.requiredString("AttributeName", wireName + ".member.attributeName");
            String type = k.requiredString("KeyType", wireName + ".member.keyType");
            if (i == 0 && !"HASH".equals(type)) {
                throw DynamoDbException.validation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
            }
            if (i == 1 && !"RANGE".equals(type)) {
                throw DynamoDbException.validation("Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
            }
        }
        String hash = names[0];
        String range = names.length == 2 ? names[1] : null;
        if (hash.equals(range)) {
            throw DynamoDbException.validation("Both the Hash Key and the Range Key element in the KeySchema have the same name");
        }
        return new KeySchema(hash, range);
    }

    private static List<IndexDefinition> indexes(JsonNode node) {
        List<IndexDefinition> indexes = new ArrayList<>();
        if (node != null) {
            if (!node.isArray() || node.isEmpty()) {
                throw DynamoDbException.validation("One or more parameter values were invalid: List of SecondaryIndexes is empty");
            }
            node.forEach(element -> indexes.add(index(element)));
        }
        return indexes;
    }

    private static IndexDefinition index(JsonNode node) {
        Request index = new Request(node);
        String name = index.requiredString("IndexName", "indexName");
        KeySchema key = keySchema(index.member("KeySchema"), "keySchema");
        JsonNode projectionNode = index.member("Projection");
        if (projectionNode == null) {
            throw DynamoDbException.constraint("Value null at 'projection' failed to satisfy "
                    + "constraint: Member must not be null");
        }
        Request projection = new Request(projectionNode);
        String type = projection.choice("ProjectionType", PROJECTIONS, "ALL");
        List<String> nonKey = new ArrayList<>();
        JsonNode nonKeyNode = projection.member("NonKeyAttributes");
        if (nonKeyNode != null) {
            nonKeyNode.forEach(n -> nonKey.add(n.asText()));
        }
        if ("INCLUDE".equals(type) && nonKey.isEmpty()) {
            throw DynamoDbException.validation("One or more parameter values were invalid: NonKeyAttributes must be specified "
                    + "when ProjectionType is INCLUDE");
        }
        if (!"INCLUDE".equals(type) && !nonKey.isEmpty()) {
            throw DynamoDbException.validation("One or more parameter values were invalid: ProjectionType is " + type
                    + ", but NonKeyAttributes is specified");
        }
        return new IndexDefinition(name, key, type, nonKey);
    }

    private static void checkAttributesMatchKeys(Map<String, Value.Type> types, KeySchema key, List<IndexDefinition> indexes) {
        Set<String> used = new TreeSet<>();
        keyNames(key, used);
        indexes.forEach(index -> keyNames(index.key(), used));
        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(types.keySet());
        if (!missing.isEmpty()) {
            throw DynamoDbException.validation("One or more parameter values were invalid: Some index key attributes are not "
                    + "defined in AttributeDefinitions. Keys: " + missing + ", AttributeDefinitions: " + types.keySet());
        }
        if (!used.equals(types.keySet())) {
            throw DynamoDbException.validation("One or more parameter values were invalid: Number of attributes in KeySchema does "
                    + "not exactly match number of attributes defined in AttributeDefinitions");
        }
    }

    private static void keyNames(KeySchema key, Set<String> into) {
        into.add(key.partitionKey());
        if (key.sortKey() != null) {
            into.add(key.sortKey());
        }
    }

    private static String billingMode(Request request) {
        String mode = request.choice("BillingMode", BILLING_MODES, "PROVISIONED");
        JsonNode throughput = request.member("ProvisionedThroughput");
        if ("PROVISIONED".equals(mode) && (throughput == null || !throughput.has("ReadCapacityUnits")
                || !throughput.has("WriteCapacityUnits"))) {
            throw DynamoDbException.validation("One or more parameter values were invalid: ReadCapacityUnits and "
                    + "WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
        }
        if ("PAY_PER_REQUEST".equals(mode) && throughput != null) {
            throw DynamoDbException.validation("One or more parameter values were invalid: Neither ReadCapacityUnits nor "
                    + "WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
        }
        return mode;
    }

    /** The requested stream, or null for StreamEnabled false. */
    private static StreamSettings streamSettings(JsonNode node) {
        if (node == null) {
            return null;
        }
        Request spec = new Request(node);
        if (!spec.bool("StreamEnabled", false)) {
            return null;
        }
        String viewType = spec.choice("StreamViewType", VIEW_TYPES, null);
        if (viewType == null) {
            throw DynamoDbException.validation("One or more parameter values were invalid: StreamViewType must be specified "
                    + "when StreamEnabled is true");
        }
        return new StreamSettings(viewType);
    }

    private static List<IndexDefinition> concat(List<IndexDefinition> a, List<IndexDefinition> b) {
        List<IndexDefinition> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
