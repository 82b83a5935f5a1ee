package routes.local.dynamodb.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.function.Predicate;
import routes.local.dynamodb.api.Action;
import routes.local.dynamodb.api.DynamoDbException;
import routes.local.dynamodb.expr.Condition;
import routes.local.dynamodb.expr.ExpressionAttributes;
import routes.local.dynamodb.expr.Expressions;
import routes.local.dynamodb.expr.KeyCondition;
import routes.local.dynamodb.expr.Projection;
import routes.local.dynamodb.value.Value;

/** Query and Scan, on a table or a secondary index (API Reference, Query and Scan). */
final class ReadActions {

    private static final Set<String> SELECTS = Set.of("ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES", "SPECIFIC_ATTRIBUTES", "COUNT");

    private final Database database;

    ReadActions(Database database) {
        this.database = database;
    }

    void register(Map<String, Action> actions) {
        actions.put("Query", this::query);
        actions.put("Scan", this::scan);
    }

    /** What Query and Scan share: the source, the filter, the shape of each item, the start. */
    private record Reading(Request request, String table, String indexName, Condition filter, Projection projection,
                           String select, Integer limit, boolean consistent, Map<String, Value> exclusiveStartKey) {}

    private static Reading reading(Request request, ExpressionAttributes attributes) {
        String table = request.tableName();
        String indexName = request.string("IndexName");
        Condition filter = request.filter(attributes);
        Projection projection = request.projection(attributes);
        String select = request.choice("Select", SELECTS, null);
        if (select == null) {
            select = projection != null ? "SPECIFIC_ATTRIBUTES" : indexName != null ? "ALL_PROJECTED_ATTRIBUTES" : "ALL_ATTRIBUTES";
        } else if (projection != null && !"SPECIFIC_ATTRIBUTES".equals(select)) {
            throw DynamoDbException.validation("Cannot specify the ProjectionExpression when choosing to get " + select);
        }
        if ("ALL_PROJECTED_ATTRIBUTES".equals(select) && indexName == null) {
            throw DynamoDbException.validation("ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName");
        }
        Integer limit = request.integer("Limit");
        if (limit != null && limit < 1) {
            throw DynamoDbException.constraint("Value '" + limit
                    + "' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1");
        }
        return new Reading(request, table, indexName, filter, projection, select, limit,
                request.bool("ConsistentRead", false), request.item("ExclusiveStartKey"));
    }

    private static ReadSource source(Tables tables, Reading reading) {
        ReadSource source = ReadSource.of(tables.table(reading.table()), reading.indexName());
        if (reading.consistent() && source.global()) {
            throw DynamoDbException.validation("Consistent reads are not supported on global secondary indexes");
        }
        if ("ALL_ATTRIBUTES".equals(reading.select()) && source.global() && !source.index().projectsAll()) {
            throw DynamoDbException.validation("One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not "
                    + "supported for global secondary index " + reading.indexName() + " because its projection type is not ALL");
        }
        return source;
    }

    // Query (API Reference: FilterExpression): the keys belong in the key condition, not the filter.
    private static void rejectKeysInFilter(ReadSource source, Condition filter) {
        if (filter == null) {
            return;
        }
        for (String key : new String[] {source.key().partitionKey(), source.key().sortKey()}) {
            if (key != null && filter.attributeNames().contains(key)) {
                throw DynamoDbException.validation(
                        "Filter Expression can only contain non-primary key attributes: Primary key attribute: " + key);
            }
        }
    }

    ObjectNode query(JsonNode json) {
        Request request = new Request(json);
        request.rejectLegacy("KeyConditions", "QueryFilter", "AttributesToGet", "ConditionalOperator");
        String keyText = request.string("KeyConditionExpression");
        if (keyText == null) {
            throw DynamoDbException.validation("Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
        }
        ExpressionAttributes attributes = request.expressionAttributes("KeyConditionExpression", "FilterExpression", "ProjectionExpression");
        KeyCondition keyCondition = Expressions.keyCondition(keyText, attributes);
        Reading reading = reading(request, attributes);
        ItemActions.requireAllUsed(attributes);
        boolean forward = request.bool("ScanIndexForward", true);
        return database.read(tables -> {
            ReadSource source = source(tables, reading);
            rejectKeysInFilter(source, reading.filter());
            SortRange range = SortRange.of(source, keyCondition);
            NavigableMap<EntryKey, Map<String, Value>> entries = range.slice(source.entries().partition(keyCondition.partitionKeyValue()));
            if (reading.exclusiveStartKey() != null) {
                ReadSource.Position start = source.position(reading.exclusiveStartKey());
                if (KeyOrder.compare(start.partition(), keyCondition.partitionKeyValue()) != 0) {
                    throw DynamoDbException.validation("The provided starting key is outside query boundaries based on provided conditions");
                }
                entries = forward ? entries.tailMap(start.entry(), false) : entries.headMap(start.entry(), false);
            }
            if (!forward) {
                entries = entries.descendingMap();
            }
            Page page = new Page(source, reading.limit(), reading.filter(), reading.select(), reading.projection());
            Iterator<Map.Entry<EntryKey, Map<String, Value>>> it = entries.entrySet().iterator();
            boolean full = false;
            while (!full && it.hasNext()) {
                Map.Entry<EntryKey, Map<String, Value>> next = it.next();
                if (!range.matches(next.getKey().sort())) {
                    if (forward) {
                        break;
                    }
                    continue;
                }
                full = !page.offer(new KeyedItems.Entry(keyCondition.partitionKeyValue(), next.getKey(), next.getValue()));
            }
            // Like AWS, a page cut short by Limit or size carries LastEvaluatedKey even when nothing follows.
            return page.response(full, request, reading.consistent());
        });
    }

    ObjectNode scan(JsonNode json) {
        Request request = new Request(json);
        request.rejectLegacy("ScanFilter", "AttributesToGet", "ConditionalOperator");
        ExpressionAttributes attributes = request.expressionAttributes("FilterExpression", "ProjectionExpression");
        Reading reading = reading(request, attributes);
        ItemActions.requireAllUsed(attributes);
        Predicate<Value> inSegment = segment(request);
        return database.read(tables -> {
            ReadSource source = source(tables, reading);
            ReadSource.Position start = reading.exclusiveStartKey() == null ? null : source.position(reading.exclusiveStartKey());
            Iterator<KeyedItems.Entry> it = source.entries().after(start == null ? null : start.partition(),
                    start == null ? null : start.entry());
            Page page = new Page(source, reading.limit(), reading.filter(), reading.select(), reading.projection());
            boolean full = false;
            while (!full && it.hasNext()) {
                KeyedItems.Entry next = it.next();
                if (inSegment.test(next.partition())) {
                    full = !page.offer(next);
                }
            }
            return page.response(full, request, reading.consistent());
        });
    }

    /** Parallel scan: an item belongs to segment hash(partition key) mod TotalSegments (API Reference, Scan). */
    private static Predicate<Value> segment(Request request) {
        Integer segment = request.integer("Segment");
        Integer total = request.integer("TotalSegments");
        if (segment == null && total == null) {
            return partition -> true;
        }
        if (segment == null || total == null) {
            throw DynamoDbException.validation("The TotalSegments parameter is required but was not present in the request when Segment parameter is present");
        }
        if (total < 1 || total > 1_000_000) {
            throw DynamoDbException.constraint("Value '" + total
                    + "' at 'totalSegments' failed to satisfy constraint: Member must have value between 1 and 1000000");
        }
        if (segment < 0 || segment >= total) {
            throw DynamoDbException.validation("The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: "
                    + segment + " is out of bounds for TotalSegments: " + total);
        }
        return partition -> Math.floorMod(mix(partition.hashCode()), total) == segment;
    }

    // Spreads similar keys ("order-1", "order-2") over segments.
    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }
}
