package routes.local.dynamodb.expr;

import java.util.Map;
import routes.local.dynamodb.value.Value;

/**
 * A request's ExpressionAttributeNames and ExpressionAttributeValues, and which of them the request's
 * expressions used: AWS rejects a request that defines a placeholder none of its expressions uses
 * (Developer Guide, "Expression attribute names" / "Expression attribute values").
 * Parse every expression of a request with the same instance, then call {@link #requireAllUsed()}.
 */
public final class ExpressionAttributes {

    public ExpressionAttributes(Map<String, String> names, Map<String, Value> values) {
        throw new UnsupportedOperationException("TODO expressions");
    }

    /** ValidationException naming the unused names and values, as AWS words it. */
    public void requireAllUsed() {
        throw new UnsupportedOperationException("TODO expressions");
    }
}
