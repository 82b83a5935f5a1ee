package routes.local.dynamodb.engine;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import routes.local.dynamodb.api.DynamoDbException;
import routes.local.dynamodb.engine.TableDefinition.IndexDefinition;
import routes.local.dynamodb.engine.TableDefinition.KeySchema;
import routes.local.dynamodb.value.ItemSize;
import routes.local.dynamodb.value.Value;

/** A table as DescribeTable, CreateTable, UpdateTable and DeleteTable show it (API Reference, "TableDescription"). */
final class TableDescriptions {

    private final String region;
    private final String accountId;
    // TableDefinition (what the log keeps) has no capacity figures; they are only echoed back, so kept here.
    private final Map<String, long[]> provisioned = new ConcurrentHashMap<>();

    TableDescriptions(String region, String accountId) {
        this.region = region;
        this.accountId = accountId;
    }

    String tableArn(String table) {
        return "arn:aws:dynamodb:" + region + ":" + accountId + ":table/" + table;
    }

    ObjectNode describe(Table table, String status) {
        TableDefinition definition = table.definition();
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        ArrayNode attributes = node.putArray("AttributeDefinitions");
        definition.attributeTypes().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> attributes.addObject()
                .put("AttributeName", e.getKey()).put("AttributeType", e.getValue().name()));
        node.put("TableName", definition.name());
        node.set("KeySchema", keySchema(definition.key()));
        node.put("TableStatus", status);
        node.put("CreationDateTime", definition.createdAt().toEpochMilli() / 1000.0);
        node.set("ProvisionedThroughput", throughput(definition));
        node.put("TableSizeBytes", table.sizeBytes());
        node.put("ItemCount", table.itemCount());
        node.put("TableArn", tableArn(definition.name()));
        node.put("TableId", UUID.nameUUIDFromBytes((definition.name() + definition.createdAt())
                .getBytes(StandardCharsets.UTF_8)).toString());
        node.putObject("BillingModeSummary").put("BillingMode", definition.billingMode())
                .put("LastUpdateToPayPerRequestDateTime", definition.createdAt().toEpochMilli() / 1000.0);
        if (!definition.localIndexes().isEmpty()) {
            ArrayNode locals = node.putArray("LocalSecondaryIndexes");
            definition.localIndexes().forEach(index -> locals.add(index(table, index, false)));
        }
        if (!definition.globalIndexes().isEmpty()) {
            ArrayNode globals = node.putArray("GlobalSecondaryIndexes");
            definition.globalIndexes().forEach(index -> globals.add(index(table, index, true)));
        }
        if (definition.stream() != null) {
            node.putObject("StreamSpecification").put("StreamEnabled", true)
                    .put("StreamViewType", definition.stream().viewType());
        }
        if (definition.streamLabel() != null) {
            node.put("LatestStreamLabel", definition.streamLabel());
            node.put("LatestStreamArn", definition.streamArn(region, accountId));
        }
        node.put("DeletionProtectionEnabled", false);
        return node;
    }

    private ObjectNode index(Table table, IndexDefinition definition, boolean global) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("IndexName", definition.name());
        node.set("KeySchema", keySchema(definition.key()));
        ObjectNode projection = node.putObject("Projection").put("ProjectionType", definition.projectionType());
        if (!definition.nonKeyAttributes().isEmpty()) {
            ArrayNode names = projection.putArray("NonKeyAttributes");
            definition.nonKeyAttributes().forEach(names::add);
        }
        SecondaryIndex index = table.index(definition.name());
        long[] size = {0};
        index.entries().after(null, null).forEachRemaining(e -> size[0] += ItemSize.of(index.project(e.item())));
        node.put("IndexSizeBytes", size[0]);
        node.put("ItemCount", index.entries().size());
        node.put("IndexArn", tableArn(table.name()) + "/index/" + definition.name());
        if (global) {
            node.put("IndexStatus", "ACTIVE");
            node.set("ProvisionedThroughput", throughput(table.definition()));
        }
        return node;
    }

    static ArrayNode keySchema(KeySchema key) {
        ArrayNode schema = JsonNodeFactory.instance.arrayNode();
        schema.addObject().put("AttributeName", key.partitionKey()).put("KeyType", "HASH");
        if (key.sortKey() != null) {
            schema.addObject().put("AttributeName", key.sortKey()).put("KeyType", "RANGE");
        }
        return schema;
    }

    /** Remembers ProvisionedThroughput as CreateTable or UpdateTable gave it. */
    void provisioned(String table, long readUnits, long writeUnits) {
        provisioned.put(table, new long[] {readUnits, writeUnits});
    }

    // On-demand tables report zeros, as AWS does.
    private ObjectNode throughput(TableDefinition definition) {
        long[] units = "PROVISIONED".equals(definition.billingMode())
                ? provisioned.getOrDefault(definition.name(), new long[2]) : new long[2];
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("NumberOfDecreasesToday", 0);
        node.put("ReadCapacityUnits", units[0]);
        node.put("WriteCapacityUnits", units[1]);
        return node;
    }

    static Value.Type attributeType(String type) {
        return switch (type) {
            case "S" -> Value.Type.S;
            case "N" -> Value.Type.N;
            case "B" -> Value.Type.B;
            default -> throw DynamoDbException.constraint("Value '" + type
                    + "' at 'attributeDefinitions.member.attributeType' failed to satisfy constraint: Member must satisfy enum value set: [B, N, S]");
        };
    }
}
