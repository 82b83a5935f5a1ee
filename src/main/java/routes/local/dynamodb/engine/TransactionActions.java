package routes.local.dynamodb.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import routes.local.dynamodb.api.Action;
import routes.local.dynamodb.api.DynamoDbException;
import routes.local.dynamodb.expr.Condition;
import routes.local.dynamodb.expr.ExpressionAttributes;
import routes.local.dynamodb.expr.Expressions;
import routes.local.dynamodb.expr.Projection;
import routes.local.dynamodb.expr.Update;
import routes.local.dynamodb.value.Value;
import routes.local.dynamodb.value.ValueJson;

/**
 * TransactWriteItems and TransactGetItems (API Reference): all or nothing under the database's write
 * lock, one commit for every item changed across tables; a failed condition cancels the whole
 * transaction with a reason per action, in request order.
 */
final class TransactionActions {

    private static final int MAX_ACTIONS = 100;

    private final Database database;
    private final IdempotencyTokens tokens = new IdempotencyTokens();

    TransactionActions(Database database) {
        this.database = database;
    }

    void register(Map<String, Action> actions) {
        actions.put("TransactWriteItems", this::transactWriteItems);
        actions.put("TransactGetItems", this::transactGetItems);
    }

    ObjectNode transactWriteItems(JsonNode json) {
        Request request = new Request(json);
        List<ItemWrite> writes = new ArrayList<>();
        for (JsonNode element : transactItems(request)) {
            writes.add(writeOf(new Request(element)));
        }
        String token = request.string("ClientRequestToken");
        return database.write(changes -> {
            if (token != null) {
                ObjectNode previous = tokens.previous(token, json, changes.now());
                if (previous != null) {
                    return previous;
                }
            }
            ItemWrite.Targets targets = ItemWrite.targets(changes, writes,
                    "Transaction request cannot include multiple operations on one item");
            List<Table> tables = targets.tables();
            List<PrimaryKey> keys = targets.keys();
            List<ItemWrite.Written> written = new ArrayList<>();
            List<ObjectNode> reasons = new ArrayList<>();
            boolean cancelled = false;
            for (int i = 0; i < writes.size(); i++) {
                ObjectNode reason = JsonNodeFactory.instance.objectNode();
                try {
                    written.add(writes.get(i).evaluate(tables.get(i), keys.get(i)));
                    reason.put("Code", "None");
                } catch (DynamoDbException e) {
                    cancelled = true;
                    reason.put("Code", switch (e.code()) {
                        case "ConditionalCheckFailedException" -> "ConditionalCheckFailed";
                        case "ValidationException" -> "ValidationError";
                        default -> throw e;
                    });
                    reason.put("Message", e.getMessage());
                    if (e.extra() != null && e.extra().has("Item")) {
                        reason.set("Item", e.extra().get("Item"));
                    }
                }
                reasons.add(reason);
            }
            if (cancelled) {
                throw cancellation(reasons);
            }
            for (int i = 0; i < writes.size(); i++) {
                changes.change(written.get(i).change(tables.get(i)));
            }
            ObjectNode response = JsonNodeFactory.instance.objectNode();
            addCapacity(response, request, writes.stream().map(ItemWrite::table).distinct().toList(), 2);
            if (token != null) {
                tokens.remember(token, json, response, changes.now());
            }
            return response;
        });
    }

    private static DynamoDbException cancellation(List<ObjectNode> reasons) {
        ObjectNode extra = JsonNodeFactory.instance.objectNode();
        ArrayNode array = extra.putArray("CancellationReasons");
        reasons.forEach(array::add);
        String codes = reasons.stream().map(r -> r.get("Code").asText()).collect(Collectors.joining(", "));
        return new DynamoDbException("TransactionCanceledException", 400,
                "Transaction cancelled, please refer cancellation reasons for specific reasons [" + codes + "]", extra);
    }

    private static ItemWrite writeOf(Request element) {
        List<String> kinds = new ArrayList<>();
        for (String kind : List.of("ConditionCheck", "Put", "Delete", "Update")) {
            if (element.has(kind)) {
                kinds.add(kind);
            }
        }
        if (kinds.size() != 1) {
            throw DynamoDbException.validation("TransactItems can only contain one of Check, Put, Update or Delete");
        }
        String kind = kinds.get(0);
        Request action = new Request(element.member(kind));
        String table = action.tableName();
        ExpressionAttributes attributes = action.expressionAttributes("ConditionExpression", "UpdateExpression");
        Condition condition = action.condition("ConditionExpression", attributes);
        boolean returnOld = action.returnOldOnConditionFailure();
        ItemWrite write = switch (kind) {
            case "Put" -> new ItemWrite.Put(table, action.requiredItem("Item"), condition, returnOld);
            case "Delete" -> new ItemWrite.Delete(table, action.requiredItem("Key"), condition, returnOld);
            case "Update" -> {
                String text = action.requiredString("UpdateExpression", "updateExpression");
                Update update = Expressions.update(text, attributes);
                yield new ItemWrite.Modify(table, action.requiredItem("Key"), update, condition, returnOld);
            }
            default -> {
                if (condition == null) {
                    throw DynamoDbException.constraint("Value null at 'conditionExpression' "
                            + "failed to satisfy constraint: Member must not be null");
                }
                yield new ItemWrite.Check(table, action.requiredItem("Key"), condition, returnOld);
            }
        };
        ItemActions.requireAllUsed(attributes);
        return write;
    }

    private record Get(String table, Map<String, Value> key, Projection projection) {}

    ObjectNode transactGetItems(JsonNode json) {
        Request request = new Request(json);
        List<Get> gets = new ArrayList<>();
        for (JsonNode element : transactItems(request)) {
            Request wrapper = new Request(element);
            if (!wrapper.has("Get")) {
                throw DynamoDbException.constraint("Value null at 'transactItems.member.get' "
                        + "failed to satisfy constraint: Member must not be null");
            }
            Request get = new Request(wrapper.member("Get"));
            ExpressionAttributes attributes = get.expressionAttributes("ProjectionExpression");
            Projection projection = get.projection(attributes);
            ItemActions.requireAllUsed(attributes);
            gets.add(new Get(get.tableName(), get.requiredItem("Key"), projection));
        }
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        ArrayNode responses = response.putArray("Responses");
        database.read(tables -> {
            for (Get get : gets) {
                Table table = tables.table(get.table());
                Map<String, Value> item = table.get(table.keyOfKey(get.key()));
                ObjectNode entry = responses.addObject();
                if (item != null) {
                    entry.set("Item", ValueJson.toJson(get.projection() == null ? item : get.projection().apply(item)));
                }
            }
            return null;
        });
        addCapacity(response, request, gets.stream().map(Get::table).distinct().toList(), 2);
        return response;
    }

    private static JsonNode transactItems(Request request) {
        JsonNode items = request.member("TransactItems");
        if (items == null || !items.isArray() || items.isEmpty() || items.size() > MAX_ACTIONS) {
            throw DynamoDbException.constraint("Value at 'transactItems' failed to satisfy constraint: "
                    + "Member must have length less than or equal to 100, Member must have length greater than or equal to 1");
        }
        return items;
    }

    private static void addCapacity(ObjectNode response, Request request, List<String> tables, double units) {
        String mode = request.string("ReturnConsumedCapacity");
        if (mode == null || "NONE".equals(mode)) {
            return;
        }
        ArrayNode capacities = response.putArray("ConsumedCapacity");
        tables.forEach(table -> ConsumedCapacity.fill(capacities.addObject(), mode, table, units));
    }
}
