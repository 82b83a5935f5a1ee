package routes.local.dynamodb.expr;

import java.util.List;
import java.util.Map;
import routes.local.dynamodb.value.Value;

/** A parsed UpdateExpression (SET, REMOVE, ADD, DELETE clauses). */
public interface Update {

    /**
     * Applies the update to a copy of the item (empty when there is none yet). Throws a
     * ValidationException for what AWS rejects at run time: arithmetic on a missing attribute or on
     * a non-number, list_append on a non-list, ADD to a mismatched set, a path through a missing map.
     */
    Result apply(Map<String, Value> item);

    /** Every path the update names, for AWS's overlap/conflict check against key attributes. */
    List<AttributePath> paths();

    /** The new item, and the paths it changed (for ReturnValues UPDATED_OLD/UPDATED_NEW). */
    record Result(Map<String, Value> item, List<AttributePath> updatedPaths) {}
}
