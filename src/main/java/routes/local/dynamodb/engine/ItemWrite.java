package routes.local.dynamodb.engine;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import routes.local.dynamodb.api.DynamoDbException;
import routes.local.dynamodb.expr.AttributePath;
import routes.local.dynamodb.expr.Condition;
import routes.local.dynamodb.expr.Update;
import routes.local.dynamodb.value.Value;
import routes.local.dynamodb.value.ValueJson;

/**
 * One item write of a PutItem, UpdateItem, DeleteItem, BatchWriteItem or TransactWriteItems request,
 * parsed but not yet checked against a table: the single-item operations, batches and transactions
 * all evaluate writes the same way.
 */
sealed interface ItemWrite {

    String table();

    /** The ConditionExpression, or null. */
    Condition condition();

    /** ReturnValuesOnConditionCheckFailure = ALL_OLD. */
    boolean returnOldOnFailure();

    /** The key of the item written, checked against the table's key schema. */
    PrimaryKey target(Table table);

    /** The item after the write (null: none); {@code current} is null when there is no item yet. */
    Written next(Table table, PrimaryKey key, Map<String, Value> current);

    /** Checks the condition on the item as it is now and works out the item after the write. */
    default Written evaluate(Table table, PrimaryKey key) {
        Map<String, Value> current = table.get(key);
        if (condition() != null && !condition().test(current == null ? Map.of() : current)) {
            throw conditionFailed(current);
        }
        return next(table, key, current);
    }

    default DynamoDbException conditionFailed(Map<String, Value> current) {
        ObjectNode extra = null;
        if (returnOldOnFailure() && current != null) {
            extra = JsonNodeFactory.instance.objectNode();
            extra.set("Item", ValueJson.toJson(current));
        }
        return DynamoDbException.conditionalCheckFailed(extra);
    }

    /**
     * The tables and keys of the writes of one batch or transaction, in request order; two writes on one
     * item are refused with {@code duplicateMessage}.
     */
    static Targets targets(Changes changes, List<ItemWrite> writes, String duplicateMessage) {
        List<Table> tables = new ArrayList<>();
        List<PrimaryKey> keys = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ItemWrite write : writes) {
            Table table = changes.table(write.table());
            PrimaryKey key = write.target(table);
            if (!seen.add(write.table() + '\u0000' + key)) {
                throw DynamoDbException.validation(duplicateMessage);
            }
            tables.add(table);
            keys.add(key);
        }
        return new Targets(tables, keys);
    }

    record Targets(List<Table> tables, List<PrimaryKey> keys) {}

    /** The item before and after one write, and for UpdateItem the paths it changed. */
    record Written(Map<String, Value> before, Map<String, Value> after, List<AttributePath> updatedPaths) {

        ItemChange change(Table table) {
            Map<String, Value> any = after != null ? after : before;
            return new ItemChange(table.name(), any == null ? Map.of() : table.keyAttributes(any), before, after);
        }
    }

    record Put(String table, Map<String, Value> item, Condition condition, boolean returnOldOnFailure) implements ItemWrite {
        @Override
        public PrimaryKey target(Table t) {
            return t.keyOfItem(item);
        }

        @Override
        public Written next(Table t, PrimaryKey key, Map<String, Value> current) {
            t.checkWritable(item);
            return new Written(current, item, List.of());
        }
    }

    record Delete(String table, Map<String, Value> key, Condition condition, boolean returnOldOnFailure) implements ItemWrite {
        @Override
        public PrimaryKey target(Table t) {
            return t.keyOfKey(key);
        }

        @Override
        public Written next(Table t, PrimaryKey k, Map<String, Value> current) {
            return new Written(current, null, List.of());
        }
    }

    /** A ConditionCheck of a transaction: the condition only, nothing written. */
    record Check(String table, Map<String, Value> key, Condition condition, boolean returnOldOnFailure) implements ItemWrite {
        @Override
        public PrimaryKey target(Table t) {
            return t.keyOfKey(key);
        }

        @Override
        public Written next(Table t, PrimaryKey k, Map<String, Value> current) {
            return new Written(current, current, List.of());
        }
    }

    /** UpdateItem; without an UpdateExpression it only makes sure the item exists. */
    record Modify(String table, Map<String, Value> key, Update update, Condition condition, boolean returnOldOnFailure)
            implements ItemWrite {
        @Override
        public PrimaryKey target(Table t) {
            PrimaryKey primaryKey = t.keyOfKey(key);
            if (update != null) {
                for (AttributePath path : update.paths()) {
                    if (t.isKeyAttribute(path.topLevel())) {
                        throw DynamoDbException.validation("One or more parameter values were invalid: Cannot update attribute "
                                + path.topLevel() + ". This attribute is part of the key");
                    }
                }
            }
            return primaryKey;
        }

        @Override
        public Written next(Table t, PrimaryKey k, Map<String, Value> current) {
            Map<String, Value> base = current != null ? current : key;
            if (update == null) {
                return new Written(current, base, List.of());
            }
            Update.Result result = update.apply(base);
            t.checkWritable(result.item());
            return new Written(current, result.item(), result.updatedPaths());
        }
    }
}
