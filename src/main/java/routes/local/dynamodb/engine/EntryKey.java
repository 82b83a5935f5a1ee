package routes.local.dynamodb.engine;

import routes.local.dynamodb.value.Value;

/**
 * Where an entry sits inside one partition: by sort key, then (in an index, where many items may
 * share index keys) by the item's table key so ties keep a stable order. {@code bound} -1 or +1
 * makes a search bound that sorts before or after every entry with that sort key.
 */
record EntryKey(Value sort, PrimaryKey tableKey, int bound) implements Comparable<EntryKey> {

    static EntryKey of(Value sort, PrimaryKey tableKey) {
        return new EntryKey(sort, tableKey, 0);
    }

    static EntryKey before(Value sort) {
        return new EntryKey(sort, null, -1);
    }

    static EntryKey after(Value sort) {
        return new EntryKey(sort, null, 1);
    }

    @Override
    public int compareTo(EntryKey o) {
        int bySort = KeyOrder.compare(sort, o.sort);
        if (bySort != 0) {
            return bySort;
        }
        if (bound != o.bound) {
            return Integer.compare(bound, o.bound);
        }
        if (tableKey == null || o.tableKey == null) {
            return 0;
        }
        return tableKey.compareTo(o.tableKey);
    }
}
