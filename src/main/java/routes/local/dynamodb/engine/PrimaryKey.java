package routes.local.dynamodb.engine;

import routes.local.dynamodb.value.Value;

/** An item's primary key values: the partition key and, in a composite key, the sort key (else null). */
public record PrimaryKey(Value partition, Value sort) implements Comparable<PrimaryKey> {

    @Override
    public int compareTo(PrimaryKey o) {
        int byPartition = KeyOrder.compare(partition, o.partition);
        return byPartition != 0 ? byPartition : KeyOrder.compare(sort, o.sort);
    }
}
