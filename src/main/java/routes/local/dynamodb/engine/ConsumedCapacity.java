package routes.local.dynamodb.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import routes.local.dynamodb.value.ItemSize;
import routes.local.dynamodb.value.Value;

/**
 * Approximate capacity figures for ReturnConsumedCapacity (Developer Guide, "Read/write capacity
 * units"): a write costs 1 unit per KB, a strongly consistent read 1 unit per 4 KB, eventually half.
 */
final class ConsumedCapacity {

    private ConsumedCapacity() {}

    static double writeUnits(Map<String, Value> item) {
        return item == null ? 1 : Math.max(1, Math.ceil(ItemSize.of(item) / 1024.0));
    }

    static double readUnits(long bytes, boolean consistent) {
        double units = Math.max(1, Math.ceil(bytes / 4096.0));
        return consistent ? units : units / 2;
    }

    /** Adds ConsumedCapacity to the response when the request asked for TOTAL or INDEXES. */
    static void add(ObjectNode response, Request request, String table, double units) {
        String mode = request.string("ReturnConsumedCapacity");
        if (mode == null || "NONE".equals(mode)) {
            return;
        }
        ObjectNode capacity = response.putObject("ConsumedCapacity");
        fill(capacity, mode, table, units);
    }

    static void fill(ObjectNode capacity, String mode, String table, double units) {
        capacity.put("TableName", table);
        capacity.put("CapacityUnits", units);
        if ("INDEXES".equals(mode)) {
            capacity.putObject("Table").put("CapacityUnits", units);
        }
    }
}
