package routes.local.dynamodb.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import routes.local.dynamodb.api.DynamoDbException;
import routes.local.dynamodb.engine.TableDefinition.IndexDefinition;
import routes.local.dynamodb.engine.TableDefinition.KeySchema;
import routes.local.dynamodb.value.ItemSize;
import routes.local.dynamodb.value.Value;

/**
 * One table's items and secondary indexes, and the key rules every write is checked against
 * (API Reference, PutItem/GetItem "Key"). Mutated only by {@link Database} applying a commit.
 */
public final class Table {

    // Developer Guide, "Service quotas": partition key values up to 2048 bytes, sort key values up to 1024.
    static final int MAX_PARTITION_KEY_BYTES = 2048;
    static final int MAX_SORT_KEY_BYTES = 1024;

    private TableDefinition definition;
    private final KeyedItems items = new KeyedItems();
    private final Map<String, SecondaryIndex> indexes = new LinkedHashMap<>();
    private long sizeBytes;

    Table(TableDefinition definition) {
        this.definition = definition;
        definition.globalIndexes().forEach(index -> indexes.put(index.name(), new SecondaryIndex(index, true, definition)));
        definition.localIndexes().forEach(index -> indexes.put(index.name(), new SecondaryIndex(index, false, definition)));
    }

    public TableDefinition definition() {
        return definition;
    }

    public String name() {
        return definition.name();
    }

    public long itemCount() {
        return items.size();
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    KeySchema key() {
        return definition.key();
    }

    KeyedItems items() {
        return items;
    }

    SecondaryIndex index(String name) {
        SecondaryIndex index = indexes.get(name);
        if (index == null) {
            throw DynamoDbException.validation("The table does not have the specified index: " + name);
        }
        return index;
    }

    Collection<SecondaryIndex> indexes() {
        return indexes.values();
    }

    public Map<String, Value> get(PrimaryKey key) {
        return items.get(key.partition(), EntryKey.of(key.sort(), null));
    }

    /** The key of an item to write: every key attribute present, of the schema type, not empty. */
    public PrimaryKey keyOfItem(Map<String, Value> item) {
        Value partition = keyValue(item, key().partitionKey());
        if (keyBytes(partition) > MAX_PARTITION_KEY_BYTES) {
            throw DynamoDbException.validation("One or more parameter values were invalid: Size of hashkey has exceeded the "
                    + "maximum size limit of " + MAX_PARTITION_KEY_BYTES + " bytes");
        }
        Value sort = key().sortKey() == null ? null : keyValue(item, key().sortKey());
        if (sort != null && keyBytes(sort) > MAX_SORT_KEY_BYTES) {
            throw DynamoDbException.validation("One or more parameter values were invalid: Aggregated size of all range keys has "
                    + "exceeded the size limit of " + MAX_SORT_KEY_BYTES + " bytes");
        }
        return new PrimaryKey(partition, sort);
    }

    private static long keyBytes(Value key) {
        return key instanceof Value.N ? 0 : ItemSize.of(key);
    }

    /** The key of a Key parameter, which must hold exactly the key attributes. */
    public PrimaryKey keyOfKey(Map<String, Value> key) {
        int expected = key().sortKey() == null ? 1 : 2;
        if (key.size() != expected || !key.containsKey(key().partitionKey())
                || (key().sortKey() != null && !key.containsKey(key().sortKey()))) {
            throw DynamoDbException.validation("The provided key element does not match the schema");
        }
        return keyOfItem(key);
    }

    /** Just the table's key attributes of an item. */
    public Map<String, Value> keyAttributes(Map<String, Value> item) {
        Map<String, Value> keys = new LinkedHashMap<>();
        keys.put(key().partitionKey(), item.get(key().partitionKey()));
        if (key().sortKey() != null) {
            keys.put(key().sortKey(), item.get(key().sortKey()));
        }
        return keys;
    }

    public boolean isKeyAttribute(String name) {
        return name.equals(key().partitionKey()) || name.equals(key().sortKey());
    }

    /** What a written item must satisfy beyond its key: the size limit and the secondary index key types. */
    public void checkWritable(Map<String, Value> item) {
        if (item.containsKey("")) {
            throw DynamoDbException.validation("One or more parameter values were invalid: An attribute name may not be empty");
        }
        if (ItemSize.of(item) > ItemSize.MAX_ITEM_BYTES) {
            throw DynamoDbException.validation("Item size has exceeded the maximum allowed size");
        }
        for (SecondaryIndex index : indexes.values()) {
            checkIndexKey(item, index.key().partitionKey(), index);
            checkIndexKey(item, index.key().sortKey(), index);
        }
    }

    private void checkIndexKey(Map<String, Value> item, String name, SecondaryIndex index) {
        Value value = name == null ? null : item.get(name);
        if (value == null) {
            return;
        }
        Value.Type expected = definition.attributeTypes().get(name);
        if (value.type() != expected) {
            throw DynamoDbException.validation("One or more parameter values were invalid: Type mismatch for Index Key "
                    + name + " Expected: " + expected + " Actual: " + value.type() + " IndexName: " + index.definition().name());
        }
        if (isEmpty(value)) {
            throw DynamoDbException.validation("One or more parameter values are not valid. A value specified for a secondary "
                    + "index key is not supported. The AttributeValue for a key attribute cannot contain an empty string value. "
                    + "IndexName: " + index.definition().name() + ", IndexKey: " + name);
        }
    }

    private Value keyValue(Map<String, Value> item, String name) {
        Value value = item.get(name);
        if (value == null) {
            throw DynamoDbException.validation("One or more parameter values were invalid: Missing the key " + name + " in the item");
        }
        Value.Type expected = definition.attributeTypes().get(name);
        if (value.type() != expected) {
            throw DynamoDbException.validation("One or more parameter values were invalid: Type mismatch for key "
                    + name + " expected: " + expected + " actual: " + value.type());
        }
        if (isEmpty(value)) {
            throw DynamoDbException.validation("One or more parameter values are not valid. The AttributeValue for a key "
                    + "attribute cannot contain an empty " + (value instanceof Value.S ? "string" : "binary") + " value. Key: " + name);
        }
        return value;
    }

    private static boolean isEmpty(Value value) {
        return (value instanceof Value.S s && s.value().isEmpty()) || (value instanceof Value.B b && b.value().length() == 0);
    }

    /** Stores or replaces an item (newItem non-null) or removes it, keeping indexes and size in step. */
    void apply(PrimaryKey key, Map<String, Value> newItem) {
        EntryKey entry = EntryKey.of(key.sort(), null);
        Map<String, Value> old = items.get(key.partition(), entry);
        if (old != null) {
            sizeBytes -= ItemSize.of(old);
            for (SecondaryIndex index : indexes.values()) {
                index.remove(key, old);
            }
        }
        if (newItem == null) {
            items.remove(key.partition(), entry);
            return;
        }
        Map<String, Value> stored = Collections.unmodifiableMap(new LinkedHashMap<>(newItem));
        items.put(key.partition(), entry, stored);
        sizeBytes += ItemSize.of(stored);
        for (SecondaryIndex index : indexes.values()) {
            index.put(key, stored);
        }
    }

    /** Takes a new definition: indexes that appeared are filled from the items, vanished ones dropped. */
    void redefine(TableDefinition next) {
        List<String> wanted = new ArrayList<>();
        for (IndexDefinition index : next.globalIndexes()) {
            wanted.add(index.name());
            if (!indexes.containsKey(index.name())) {
                SecondaryIndex created = new SecondaryIndex(index, true, next);
                items.after(null, null).forEachRemaining(e -> created.put(keyOf(e), e.item()));
                indexes.put(index.name(), created);
            }
        }
        next.localIndexes().forEach(index -> wanted.add(index.name()));
        indexes.keySet().retainAll(wanted);
        definition = next;
    }

    PrimaryKey keyOf(KeyedItems.Entry entry) {
        return new PrimaryKey(entry.partition(), entry.key().sort());
    }

    /** Every item in table order, for snapshots and the TTL reaper. */
    public List<Map<String, Value>> allItems() {
        List<Map<String, Value>> all = new ArrayList<>((int) Math.min(Integer.MAX_VALUE, items.size()));
        items.after(null, null).forEachRemaining(e -> all.add(e.item()));
        return all;
    }
}
