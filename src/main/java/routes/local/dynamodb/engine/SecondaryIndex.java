package routes.local.dynamodb.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import routes.local.dynamodb.engine.TableDefinition.IndexDefinition;
import routes.local.dynamodb.engine.TableDefinition.KeySchema;
import routes.local.dynamodb.value.Value;

/**
 * One global or local secondary index of a {@link Table}: the table's items filed under the index
 * keys. Sparse: an item without the index's key attributes is not in the index (Developer Guide,
 * "Take advantage of sparse indexes"). Holds whole items and projects them on read.
 */
final class SecondaryIndex {

    private final IndexDefinition definition;
    private final boolean global;
    private final KeySchema tableKey;
    private final Map<String, Value.Type> attributeTypes;
    private final KeyedItems entries = new KeyedItems();

    SecondaryIndex(IndexDefinition definition, boolean global, TableDefinition table) {
        this.definition = definition;
        this.global = global;
        this.tableKey = table.key();
        this.attributeTypes = table.attributeTypes();
    }

    IndexDefinition definition() {
        return definition;
    }

    boolean global() {
        return global;
    }

    KeySchema key() {
        return definition.key();
    }

    KeyedItems entries() {
        return entries;
    }

    void put(PrimaryKey key, Map<String, Value> item) {
        Value partition = item.get(definition.key().partitionKey());
        Value sort = definition.key().sortKey() == null ? null : item.get(definition.key().sortKey());
        if (partition == null || (definition.key().sortKey() != null && sort == null)) {
            return;
        }
        // Writes check index key types up front; this keeps out items an index created later finds mistyped.
        if (partition.type() != attributeTypes.get(definition.key().partitionKey())
                || (sort != null && sort.type() != attributeTypes.get(definition.key().sortKey()))) {
            return;
        }
        entries.put(partition, EntryKey.of(sort, key), item);
    }

    void remove(PrimaryKey key, Map<String, Value> item) {
        Value partition = item.get(definition.key().partitionKey());
        if (partition != null) {
            Value sort = definition.key().sortKey() == null ? null : item.get(definition.key().sortKey());
            entries.remove(partition, EntryKey.of(sort, key));
        }
    }

    /** The attributes the index holds for this item: table and index keys, plus what the projection adds. */
    Map<String, Value> project(Map<String, Value> item) {
        if ("ALL".equals(definition.projectionType())) {
            return item;
        }
        Map<String, Value> projected = new LinkedHashMap<>();
        copy(item, tableKey.partitionKey(), projected);
        copy(item, tableKey.sortKey(), projected);
        copy(item, definition.key().partitionKey(), projected);
        copy(item, definition.key().sortKey(), projected);
        if ("INCLUDE".equals(definition.projectionType())) {
            definition.nonKeyAttributes().forEach(name -> copy(item, name, projected));
        }
        return projected;
    }

    boolean projectsAll() {
        return "ALL".equals(definition.projectionType());
    }

    private static void copy(Map<String, Value> from, String name, Map<String, Value> to) {
        if (name != null && from.containsKey(name)) {
            to.put(name, from.get(name));
        }
    }
}
