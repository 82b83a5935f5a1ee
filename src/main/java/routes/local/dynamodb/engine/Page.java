package routes.local.dynamodb.engine;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import routes.local.dynamodb.expr.Condition;
import routes.local.dynamodb.expr.Projection;
import routes.local.dynamodb.value.ItemSize;
import routes.local.dynamodb.value.Value;
import routes.local.dynamodb.value.ValueJson;

/**
 * One page of a Query or Scan as it fills: Limit counts items evaluated before the filter, and a
 * page stops after 1 MB of items read (API Reference, Query "Limit"; Developer Guide, "Paginating").
 */
final class Page {

    static final long MAX_PAGE_BYTES = 1024 * 1024;

    private final ReadSource source;
    private final Integer limit;
    private final Condition filter;
    private final String select;
    private final Projection projection;
    private final ArrayNode items = JsonNodeFactory.instance.arrayNode();
    private int scanned;
    private int count;
    private long bytes;
    private KeyedItems.Entry last;

    Page(ReadSource source, Integer limit, Condition filter, String select, Projection projection) {
        this.source = source;
        this.limit = limit;
        this.filter = filter;
        this.select = select;
        this.projection = projection;
    }

    /** Takes one entry; false when the page is full. */
    boolean offer(KeyedItems.Entry entry) {
        Map<String, Value> item = source.visible(entry.item());
        scanned++;
        bytes += ItemSize.of(item);
        last = entry;
        if (filter == null || filter.test(item)) {
            count++;
            if (!"COUNT".equals(select)) {
                items.add(ValueJson.toJson(shape(item, entry.item())));
            }
        }
        return (limit == null || scanned < limit) && bytes < MAX_PAGE_BYTES;
    }

    private Map<String, Value> shape(Map<String, Value> visible, Map<String, Value> whole) {
        return switch (select) {
            case "ALL_ATTRIBUTES" -> whole;
            case "ALL_PROJECTED_ATTRIBUTES" -> source.index() == null ? whole : source.index().project(whole);
            default -> projection == null ? visible : projection.apply(visible);
        };
    }

    ObjectNode response(boolean more, Request request, boolean consistent) {
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        if (!"COUNT".equals(select)) {
            response.set("Items", items);
        }
        response.put("Count", count);
        response.put("ScannedCount", scanned);
        if (more && last != null) {
            response.set("LastEvaluatedKey", ValueJson.toJson(source.lastEvaluatedKey(last)));
        }
        ConsumedCapacity.add(response, request, source.table().name(), ConsumedCapacity.readUnits(bytes, consistent));
        return response;
    }
}
