package routes.local.dynamodb.engine;

import java.util.Map;
import routes.local.dynamodb.value.Value;

/**
 * One item changed by a commit: its key, and the item before and after (null where absent: no old
 * image for an insert, no new image for a delete). A write that changed nothing is not a change.
 */
public record ItemChange(String table, Map<String, Value> keys, Map<String, Value> oldImage, Map<String, Value> newImage) {}
