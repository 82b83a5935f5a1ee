package routes.local.dynamodb.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;
import routes.local.dynamodb.api.Action;
import routes.local.dynamodb.api.DynamoDbException;
import routes.local.dynamodb.expr.Condition;
import routes.local.dynamodb.expr.ExpressionAttributes;
import routes.local.dynamodb.expr.Expressions;
import routes.local.dynamodb.expr.Projection;
import routes.local.dynamodb.expr.Update;
import routes.local.dynamodb.value.ItemSize;
import routes.local.dynamodb.value.ValueJson;

/** PutItem, GetItem, UpdateItem and DeleteItem (API Reference, one page each). */
final class ItemActions {

    private static final Set<String> PUT_DELETE_RETURN = Set.of("NONE", "ALL_OLD");
    private static final Set<String> UPDATE_RETURN = Set.of("NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW");

    private final Database database;

    ItemActions(Database database) {
        this.database = database;
    }

    void register(Map<String, Action> actions) {
        actions.put("PutItem", this::putItem);
        actions.put("GetItem", this::getItem);
        actions.put("UpdateItem", this::updateItem);
        actions.put("DeleteItem", this::deleteItem);
    }

    ObjectNode putItem(JsonNode json) {
        Request request = new Request(json);
        request.rejectLegacy("Expected", "ConditionalOperator");
        String table = request.tableName();
        var item = request.requiredItem("Item");
        String returnValues = returnValues(request, PUT_DELETE_RETURN);
        ExpressionAttributes attributes = request.expressionAttributes("ConditionExpression");
        Condition condition = request.condition("ConditionExpression", attributes);
        requireAllUsed(attributes);
        return respond(request, new ItemWrite.Put(table, item, condition, request.returnOldOnConditionFailure()), returnValues);
    }

    ObjectNode deleteItem(JsonNode json) {
        Request request = new Request(json);
        request.rejectLegacy("Expected", "ConditionalOperator");
        String table = request.tableName();
        var key = request.requiredItem("Key");
        String returnValues = returnValues(request, PUT_DELETE_RETURN);
        ExpressionAttributes attributes = request.expressionAttributes("ConditionExpression");
        Condition condition = request.condition("ConditionExpression", attributes);
        requireAllUsed(attributes);
        return respond(request, new ItemWrite.Delete(table, key, condition, request.returnOldOnConditionFailure()), returnValues);
    }

    ObjectNode updateItem(JsonNode json) {
        Request request = new Request(json);
        request.rejectLegacy("Expected", "ConditionalOperator", "AttributeUpdates");
        String table = request.tableName();
        var key = request.requiredItem("Key");
        String returnValues = returnValues(request, UPDATE_RETURN);
        ExpressionAttributes attributes = request.expressionAttributes("ConditionExpression", "UpdateExpression");
        String updateText = request.string("UpdateExpression");
        Update update = updateText == null ? null : Expressions.update(updateText, attributes);
        Condition condition = request.condition("ConditionExpression", attributes);
        requireAllUsed(attributes);
        return respond(request, new ItemWrite.Modify(table, key, update, condition, request.returnOldOnConditionFailure()),
                returnValues);
    }

    ObjectNode getItem(JsonNode json) {
        Request request = new Request(json);
        request.rejectLegacy("AttributesToGet");
        String table = request.tableName();
        var key = request.requiredItem("Key");
        boolean consistent = request.bool("ConsistentRead", false);
        ExpressionAttributes attributes = request.expressionAttributes("ProjectionExpression");
        Projection projection = request.projection(attributes);
        requireAllUsed(attributes);
        var item = database.read(tables -> {
            Table t = tables.table(table);
            return t.get(t.keyOfKey(key));
        });
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        if (item != null) {
            response.set("Item", ValueJson.toJson(projection == null ? item : projection.apply(item)));
        }
        ConsumedCapacity.add(response, request, table,
                ConsumedCapacity.readUnits(item == null ? 0 : ItemSize.of(item), consistent));
        return response;
    }

    private ObjectNode respond(Request request, ItemWrite write, String returnValues) {
        ItemWrite.Written written = database.write(changes -> {
            Table t = changes.table(write.table());
            ItemWrite.Written result = write.evaluate(t, write.target(t));
            changes.change(result.change(t));
            return result;
        });
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        var attributes = switch (returnValues) {
            case "ALL_OLD" -> written.before();
            case "ALL_NEW" -> written.after();
            case "UPDATED_OLD" -> PathProjection.of(written.before(), written.updatedPaths());
            case "UPDATED_NEW" -> PathProjection.of(written.after(), written.updatedPaths());
            default -> null;
        };
        if (attributes != null && !attributes.isEmpty()) {
            response.set("Attributes", ValueJson.toJson(attributes));
        }
        ConsumedCapacity.add(response, request, write.table(),
                ConsumedCapacity.writeUnits(written.after() != null ? written.after() : written.before()));
        return response;
    }

    private static String returnValues(Request request, Set<String> allowed) {
        String value = request.string("ReturnValues");
        if (value == null) {
            return "NONE";
        }
        if (!allowed.contains(value)) {
            throw DynamoDbException.validation("Return values set to invalid value");
        }
        return value;
    }

    static void requireAllUsed(ExpressionAttributes attributes) {
        if (attributes != null) {
            attributes.requireAllUsed();
        }
    }
}
