package routes.local.dynamodb.expr;

import routes.local.dynamodb.api.DynamoDbException;
import routes.local.dynamodb.value.Value;

/**
 * A parsed KeyConditionExpression: equality on the partition key and at most one condition on the
 * sort key (Developer Guide, "Key condition expressions for Query"). The parser checks the shape;
 * the caller checks the names and types against the table or index schema, {@link #forSchema} helping.
 */
public record KeyCondition(String partitionKeyName, Value partitionKeyValue, SortKeyCondition sortKey) {

    public enum Operator { EQ, LT, LE, GT, GE, BETWEEN, BEGINS_WITH }

    /** {@code upper} is set only for BETWEEN. */
    public record SortKeyCondition(String name, Operator operator, Value value, Value upper) {}

    /**
     * This condition read against a key schema: when both conditions are equalities the parser cannot
     * tell which key is which, so they swap here if need be. Throws AWS's ValidationException when the
     * condition names an attribute that is not the key. {@code sortKey} is null for a table without one.
     */
    public KeyCondition forSchema(String partitionKey, String sortKeyName) {
        KeyCondition condition = this;
        if (!partitionKeyName.equals(partitionKey) && sortKey != null && sortKey.operator() == Operator.EQ
                && sortKey.name().equals(partitionKey)) {
            condition = new KeyCondition(sortKey.name(), sortKey.value(),
                    new SortKeyCondition(partitionKeyName, Operator.EQ, partitionKeyValue, null));
        }
        if (!condition.partitionKeyName.equals(partitionKey)) {
            throw DynamoDbException.validation("Query condition missed key schema element: " + partitionKey);
        }
        if (condition.sortKey != null && !condition.sortKey.name().equals(sortKeyName)) {
            throw DynamoDbException.validation(sortKeyName == null
                    ? "Query key condition not supported"
                    : "Query condition missed key schema element: " + sortKeyName);
        }
        return condition;
    }
}
