package routes.local.dynamodb.expr;

import java.util.List;
import java.util.Map;
import routes.local.dynamodb.value.Value;

/** A parsed ProjectionExpression. */
public interface Projection {

    /** The item with only the projected paths (nested ones keep their enclosing maps and lists). */
    Map<String, Value> apply(Map<String, Value> item);

    List<AttributePath> paths();
}
