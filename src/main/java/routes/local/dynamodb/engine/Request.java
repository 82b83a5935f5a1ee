package routes.local.dynamodb.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import routes.local.dynamodb.api.DynamoDbException;
import routes.local.dynamodb.expr.Condition;
import routes.local.dynamodb.expr.ExpressionAttributes;
import routes.local.dynamodb.expr.Expressions;
import routes.local.dynamodb.expr.Projection;
import routes.local.dynamodb.value.Value;
import routes.local.dynamodb.value.ValueJson;

/**
 * The members of one request body (or one element of a batch or transaction), read with AWS's
 * validation wording: a required member missing is "1 validation error detected" as AWS says it.
 */
final class Request {

    private static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");

    private final JsonNode json;

    Request(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw DynamoDbException.serialization("Start of structure or map found where not expected");
        }
        this.json = json;
    }

    JsonNode json() {
        return json;
    }

    JsonNode member(String name) {
        JsonNode value = json.get(name);
        return value == null || value.isNull() ? null : value;
    }

    boolean has(String name) {
        return member(name) != null;
    }

    String string(String name) {
        JsonNode value = member(name);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw DynamoDbException.serialization("Expected a string for " + name);
        }
        return value.textValue();
    }

    String requiredString(String name, String wireName) {
        String value = string(name);
        if (value == null) {
            throw DynamoDbException.constraint("Value null at '" + wireName
                    + "' failed to satisfy constraint: Member must not be null");
        }
        return value;
    }

    String tableName() {
        String name = requiredString("TableName", "tableName");
        if (!TABLE_NAME.matcher(name).matches()) {
            throw DynamoDbException.constraint("Value '" + name + "' at 'tableName' failed to "
                    + "satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+ and have length between 3 and 255");
        }
        return name;
    }

    /** One of the allowed words, or the default when absent. */
    String choice(String name, Set<String> allowed, String fallback) {
        String value = string(name);
        if (value == null) {
            return fallback;
        }
        if (!allowed.contains(value)) {
            throw DynamoDbException.constraint("Value '" + value + "' at '" + lowerFirst(name)
                    + "' failed to satisfy constraint: Member must satisfy enum value set: " + new TreeSet<>(allowed));
        }
        return value;
    }

    boolean bool(String name, boolean fallback) {
        JsonNode value = member(name);
        if (value == null) {
            return fallback;
        }
        if (!value.isBoolean()) {
            throw DynamoDbException.serialization("Expected a boolean for " + name);
        }
        return value.booleanValue();
    }

    Integer integer(String name) {
        JsonNode value = member(name);
        if (value == null) {
            return null;
        }
        if (!value.canConvertToInt()) {
            throw DynamoDbException.serialization("Expected an integer for " + name);
        }
        return value.intValue();
    }

    Map<String, Value> item(String name) {
        return ValueJson.item(member(name));
    }

    Map<String, Value> requiredItem(String name) {
        Map<String, Value> item = item(name);
        if (item == null) {
            throw DynamoDbException.constraint("Value null at '" + lowerFirst(name)
                    + "' failed to satisfy constraint: Member must not be null");
        }
        return item;
    }

    boolean returnOldOnConditionFailure() {
        return "ALL_OLD".equals(choice("ReturnValuesOnConditionCheckFailure", Set.of("ALL_OLD", "NONE"), "NONE"));
    }

    /**
     * The request's placeholders, for parsing its expressions with one instance; null when it has no
     * expressions and no placeholders (so requests without expressions never touch the parser).
     */
    ExpressionAttributes expressionAttributes(String... expressionMembers) {
        boolean anyExpression = false;
        for (String member : expressionMembers) {
            anyExpression |= has(member);
        }
        Map<String, String> names = names();
        Map<String, Value> values = ValueJson.item(member("ExpressionAttributeValues"));
        if (!anyExpression) {
            if (names != null) {
                throw DynamoDbException.validation("ExpressionAttributeNames can only be specified when using expressions");
            }
            if (values != null) {
                throw DynamoDbException.validation("ExpressionAttributeValues can only be specified when using expressions");
            }
            return null;
        }
        ExpressionAttributes attributes = new ExpressionAttributes(names, values);
        attributes.requireWellFormed();
        return attributes;
    }

    Condition condition(String member, ExpressionAttributes attributes) {
        String text = string(member);
        return text == null ? null : Expressions.condition(text, attributes);
    }

    /** The FilterExpression of a Query or Scan, or null. */
    Condition filter(ExpressionAttributes attributes) {
        String text = string("FilterExpression");
        return text == null ? null : Expressions.filter(text, attributes);
    }

    Projection projection(ExpressionAttributes attributes) {
        String text = string("ProjectionExpression");
        return text == null ? null : Expressions.projection(text, attributes);
    }

    private Map<String, String> names() {
        JsonNode node = member("ExpressionAttributeNames");
        if (node == null) {
            return null;
        }
        if (!node.isObject()) {
            throw DynamoDbException.serialization("Expected a map for ExpressionAttributeNames");
        }
        Map<String, String> names = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!field.getValue().isTextual()) {
                throw DynamoDbException.serialization("Expected a string in ExpressionAttributeNames");
            }
            names.put(field.getKey(), field.getValue().textValue());
        }
        return names;
    }

    /** Rejects the pre-expression parameters this emulator does not implement, rather than ignore them. */
    void rejectLegacy(String... members) {
        for (String member : members) {
            if (has(member)) {
                throw DynamoDbException.validation("The legacy parameter " + member
                        + " is not supported by this emulator; use the expression parameters");
            }
        }
    }

    private static String lowerFirst(String name) {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
