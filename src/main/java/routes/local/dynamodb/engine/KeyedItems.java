package routes.local.dynamodb.engine;

import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import routes.local.dynamodb.value.Value;

/**
 * Items grouped by partition key, each partition sorted by {@link EntryKey}: a table's own items or
 * one secondary index's entries. Partitions are ordered too, which gives Scan a stable order to
 * resume from. Not thread-safe: the database lock guards it.
 */
final class KeyedItems {

    /** One stored item with the keys it is filed under. */
    record Entry(Value partition, EntryKey key, Map<String, Value> item) {}

    private final TreeMap<Value, TreeMap<EntryKey, Map<String, Value>>> partitions = new TreeMap<>(KeyOrder.VALUES);
    private long size;

    Map<String, Value> get(Value partition, EntryKey key) {
        TreeMap<EntryKey, Map<String, Value>> entries = partitions.get(partition);
        return entries == null ? null : entries.get(key);
    }

    void put(Value partition, EntryKey key, Map<String, Value> item) {
        if (partitions.computeIfAbsent(partition, p -> new TreeMap<>()).put(key, item) == null) {
            size++;
        }
    }

    void remove(Value partition, EntryKey key) {
        TreeMap<EntryKey, Map<String, Value>> entries = partitions.get(partition);
        if (entries != null && entries.remove(key) != null) {
            size--;
            if (entries.isEmpty()) {
                partitions.remove(partition);
            }
        }
    }

    long size() {
        return size;
    }

    /** One partition's entries in sort order (empty when the partition holds nothing). */
    NavigableMap<EntryKey, Map<String, Value>> partition(Value partition) {
        TreeMap<EntryKey, Map<String, Value>> entries = partitions.get(partition);
        return entries == null ? Collections.emptyNavigableMap() : entries;
    }

    /** Every entry in order, starting just after the given position (or at the start when it is null). */
    Iterator<Entry> after(Value partition, EntryKey key) {
        NavigableMap<Value, TreeMap<EntryKey, Map<String, Value>>> rest =
                partition == null ? partitions : partitions.tailMap(partition, true);
        Iterator<Map.Entry<Value, TreeMap<EntryKey, Map<String, Value>>>> outer = rest.entrySet().iterator();
        return new Iterator<>() {
            private Value current;
            private Iterator<Map.Entry<EntryKey, Map<String, Value>>> inner = Collections.emptyIterator();
            private boolean first = true;

            @Override
            public boolean hasNext() {
                while (!inner.hasNext() && outer.hasNext()) {
                    Map.Entry<Value, TreeMap<EntryKey, Map<String, Value>>> next = outer.next();
                    current = next.getKey();
                    NavigableMap<EntryKey, Map<String, Value>> entries = next.getValue();
                    if (first && partition != null && KeyOrder.compare(current, partition) == 0) {
                        entries = entries.tailMap(key, false);
                    }
                    first = false;
                    inner = entries.entrySet().iterator();
                }
                return inner.hasNext();
            }

            @Override
            public Entry next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Map.Entry<EntryKey, Map<String, Value>> e = inner.next();
                return new Entry(current, e.getKey(), e.getValue());
            }
        };
    }
}
