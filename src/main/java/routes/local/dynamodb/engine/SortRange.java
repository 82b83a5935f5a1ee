package routes.local.dynamodb.engine;

import java.util.Arrays;
import java.util.Map;
import java.util.NavigableMap;
import routes.local.dynamodb.api.DynamoDbException;
import routes.local.dynamodb.expr.KeyCondition;
import routes.local.dynamodb.expr.KeyCondition.SortKeyCondition;
import routes.local.dynamodb.value.Value;
import routes.local.dynamodb.value.ValueOrder;

/**
 * The part of a partition a Query's sort key condition selects (Developer Guide, "Key condition
 * expressions for Query"), checked against the source's key schema and attribute types.
 */
final class SortRange {

    private final SortKeyCondition condition;

    private SortRange(SortKeyCondition condition) {
        this.condition = condition;
    }

    static SortRange of(ReadSource source, KeyCondition keyCondition) {
        TableDefinition definition = source.table().definition();
        String partitionKey = source.key().partitionKey();
        if (!partitionKey.equals(keyCondition.partitionKeyName())) {
            throw DynamoDbException.validation("Query condition missed key schema element: " + partitionKey);
        }
        checkType(definition, partitionKey, keyCondition.partitionKeyValue());
        SortKeyCondition sort = keyCondition.sortKey();
        if (sort != null) {
            String sortKey = source.key().sortKey();
            if (sortKey == null || !sortKey.equals(sort.name())) {
                throw DynamoDbException.validation("Query condition missed key schema element: "
                        + (sortKey == null ? sort.name() : sortKey));
            }
            checkType(definition, sortKey, sort.value());
            if (sort.upper() != null) {
                checkType(definition, sortKey, sort.upper());
                if (ValueOrder.compare(sort.value(), sort.upper()) > 0) {
                    throw DynamoDbException.validation("Invalid KeyConditionExpression: The BETWEEN operator requires upper bound "
                            + "to be greater than or equal to lower bound; lower bound operand: " + sort.value()
                            + ", upper bound operand: " + sort.upper());
                }
            }
            if (sort.operator() == KeyCondition.Operator.BEGINS_WITH && sort.value() instanceof Value.N) {
                throw DynamoDbException.validation("Invalid KeyConditionExpression: Incorrect operand type for operator or function; "
                        + "operator or function: begins_with, operand type: N");
            }
        }
        return new SortRange(sort);
    }

    private static void checkType(TableDefinition definition, String name, Value value) {
        if (value.type() != definition.attributeTypes().get(name)) {
            throw DynamoDbException.validation("One or more parameter values were invalid: Condition parameter type does not match schema type");
        }
    }

    NavigableMap<EntryKey, Map<String, Value>> slice(NavigableMap<EntryKey, Map<String, Value>> partition) {
        if (condition == null) {
            return partition;
        }
        Value v = condition.value();
        return switch (condition.operator()) {
            case EQ -> partition.subMap(EntryKey.before(v), true, EntryKey.after(v), true);
            case LT -> partition.headMap(EntryKey.before(v), false);
            case LE -> partition.headMap(EntryKey.after(v), false);
            case GT -> partition.tailMap(EntryKey.after(v), false);
            case GE, BEGINS_WITH -> partition.tailMap(EntryKey.before(v), false);
            case BETWEEN -> partition.subMap(EntryKey.before(v), true, EntryKey.after(condition.upper()), true);
        };
    }

    /** begins_with is a range with no closed upper bound, so entries past the prefix are tested. */
    boolean matches(Value sort) {
        if (condition == null || condition.operator() != KeyCondition.Operator.BEGINS_WITH) {
            return true;
        }
        if (sort instanceof Value.S s && condition.value() instanceof Value.S prefix) {
            return s.value().startsWith(prefix.value());
        }
        if (sort instanceof Value.B b && condition.value() instanceof Value.B prefix) {
            byte[] bytes = b.value().bytes();
            byte[] start = prefix.value().bytes();
            return bytes.length >= start.length && Arrays.equals(bytes, 0, start.length, start, 0, start.length);
        }
        return false;
    }
}
