package routes.local.dynamodb.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import routes.local.dynamodb.api.DynamoDbException;
import routes.local.dynamodb.engine.TableDefinition.KeySchema;
import routes.local.dynamodb.value.Value;

/**
 * What a Query or Scan reads: the table itself or one of its secondary indexes, with the keys that
 * make up its LastEvaluatedKey (an index's keys plus the table's, API Reference, Query).
 */
record ReadSource(Table table, SecondaryIndex index) {

    static ReadSource of(Table table, String indexName) {
        return new ReadSource(table, indexName == null ? null : table.index(indexName));
    }

    KeyedItems entries() {
        return index == null ? table.items() : index.entries();
    }

    KeySchema key() {
        return index == null ? table.key() : index.key();
    }

    boolean global() {
        return index != null && index.global();
    }

    /** The item as this source holds it: a global index only has its projected attributes. */
    Map<String, Value> visible(Map<String, Value> item) {
        return global() ? index.project(item) : item;
    }

    Map<String, Value> lastEvaluatedKey(KeyedItems.Entry entry) {
        Map<String, Value> item = entry.item();
        Map<String, Value> key = new LinkedHashMap<>(table.keyAttributes(item));
        if (index != null) {
            key.put(index.key().partitionKey(), item.get(index.key().partitionKey()));
            if (index.key().sortKey() != null) {
                key.put(index.key().sortKey(), item.get(index.key().sortKey()));
            }
        }
        return key;
    }

    /** Where an ExclusiveStartKey points: the partition, and the entry to continue after. */
    record Position(Value partition, EntryKey entry) {}

    Position position(Map<String, Value> exclusiveStartKey) {
        try {
            PrimaryKey tableKey = table.keyOfItem(exclusiveStartKey);
            if (index == null) {
                if (exclusiveStartKey.size() != (table.key().sortKey() == null ? 1 : 2)) {
                    throw invalidStartKey();
                }
                return new Position(tableKey.partition(), EntryKey.of(tableKey.sort(), null));
            }
            Value partition = exclusiveStartKey.get(index.key().partitionKey());
            Value sort = index.key().sortKey() == null ? null : exclusiveStartKey.get(index.key().sortKey());
            if (partition == null || (index.key().sortKey() != null && sort == null)) {
                throw invalidStartKey();
            }
            return new Position(partition, EntryKey.of(sort, tableKey));
        } catch (DynamoDbException e) {
            throw invalidStartKey();
        }
    }

    private static DynamoDbException invalidStartKey() {
        return DynamoDbException.validation("The provided starting key is invalid: The provided key element does not match the schema");
    }
}
