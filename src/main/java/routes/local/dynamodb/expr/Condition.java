package routes.local.dynamodb.expr;

import java.util.Map;
import java.util.Set;
import routes.local.dynamodb.value.Value;

/** A parsed ConditionExpression or FilterExpression. */
public interface Condition {

    /** True when the item (possibly empty: no such item) satisfies the condition. */
    boolean test(Map<String, Value> item);

    /** The top-level attribute names the condition reads (a Query filter may not name a key). */
    Set<String> attributeNames();
}
