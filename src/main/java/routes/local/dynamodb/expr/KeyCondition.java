package routes.local.dynamodb.expr;

import routes.local.dynamodb.value.Value;

/**
 * A parsed KeyConditionExpression: equality on the partition key and at most one condition on the
 * sort key (Developer Guide, "Key condition expressions for Query"). The parser checks the shape;
 * the caller checks the names and types against the table or index schema.
 */
public record KeyCondition(String partitionKeyName, Value partitionKeyValue, SortKeyCondition sortKey) {

    public enum Operator { EQ, LT, LE, GT, GE, BETWEEN, BEGINS_WITH }

    /** {@code upper} is set only for BETWEEN. */
    public record SortKeyCondition(String name, Operator operator, Value value, Value upper) {}
}
