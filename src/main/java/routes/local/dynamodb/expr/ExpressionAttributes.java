package routes.local.dynamodb.expr;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import routes.local.dynamodb.api.DynamoDbException;
import routes.local.dynamodb.value.Value;

/**
 * A request's ExpressionAttributeNames and ExpressionAttributeValues, and which of them the request's
 * expressions used: AWS rejects a request that defines a placeholder none of its expressions uses
 * (Developer Guide, "Expression attribute names" / "Expression attribute values").
 * Parse every expression of a request with the same instance, then call {@link #requireAllUsed()}.
 */
public final class ExpressionAttributes {

    private final Map<String, String> names;
    private final Map<String, Value> values;
    private final Set<String> used = new HashSet<>();

    /** Either map may be null when the request leaves the parameter out. */
    public ExpressionAttributes(Map<String, String> names, Map<String, Value> values) {
        this.names = names;
        this.values = values;
    }

    /** No names and no values: for requests that have expressions without placeholders. */
    public static ExpressionAttributes none() {
        return new ExpressionAttributes(null, null);
    }

    /**
     * AWS rejects a parameter sent as an empty map, and keys that are not placeholders; the engine
     * calls this once per request, before parsing.
     */
    public void requireWellFormed() {
        if (names != null) {
            if (names.isEmpty()) throw DynamoDbException.validation("ExpressionAttributeNames must not be empty");
            for (String key : names.keySet()) {
                if (!isPlaceholder(key, '#')) {
                    throw DynamoDbException.validation("ExpressionAttributeNames contains invalid key: Syntax error; key: \"" + key + "\"");
                }
            }
        }
        if (values != null) {
            if (values.isEmpty()) throw DynamoDbException.validation("ExpressionAttributeValues must not be empty");
            for (String key : values.keySet()) {
                if (!isPlaceholder(key, ':')) {
                    throw DynamoDbException.validation("ExpressionAttributeValues contains invalid key: Syntax error; key: \"" + key + "\"");
                }
            }
        }
    }

    /** ValidationException naming the unused names and values, as AWS words it. */
    public void requireAllUsed() {
        List<String> unusedNames = unused(names == null ? null : names.keySet());
        if (!unusedNames.isEmpty()) {
            throw DynamoDbException.validation("Value provided in ExpressionAttributeNames unused in expressions: keys: {"
                    + String.join(", ", unusedNames) + "}");
        }
        List<String> unusedValues = unused(values == null ? null : values.keySet());
        if (!unusedValues.isEmpty()) {
            throw DynamoDbException.validation("Value provided in ExpressionAttributeValues unused in expressions: keys: {"
                    + String.join(", ", unusedValues) + "}");
        }
    }

    /** The attribute name behind {@code #placeholder}, or null when the request does not define it. */
    String name(String placeholder) {
        String name = names == null ? null : names.get(placeholder);
        if (name != null) used.add(placeholder);
        return name;
    }

    /** The value behind {@code :placeholder}, or null when the request does not define it. */
    Value value(String placeholder) {
        Value value = values == null ? null : values.get(placeholder);
        if (value != null) used.add(placeholder);
        return value;
    }

    private List<String> unused(Set<String> defined) {
        List<String> unused = new ArrayList<>();
        if (defined != null) {
            for (String key : defined) {
                if (!used.contains(key)) unused.add(key);
            }
        }
        return unused;
    }

    private static boolean isPlaceholder(String key, char sigil) {
        if (key.length() < 2 || key.charAt(0) != sigil) return false;
        for (int i = 1; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
        }
        return true;
    }
}
