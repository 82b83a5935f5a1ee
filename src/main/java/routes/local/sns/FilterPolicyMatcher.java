package routes.local.sns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a published message passes a subscription's filter policy, following the SNS rules:
 * keys are AND-ed, the conditions listed for one key are OR-ed, {@code $or} offers alternative groups,
 * and a message that lacks a key matches only {@code {"exists": false}}. Supported conditions: exact
 * string, number, boolean and null values, {@code prefix}, {@code suffix}, {@code equals-ignore-case},
 * {@code anything-but} (value, list, or prefix/suffix), {@code numeric} ranges and {@code exists}.
 * A String.Array attribute (or a JSON array in the body) matches when any element matches.
 */
final class FilterPolicyMatcher {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final Set<String> TEXT_OPERATORS = Set.of("prefix", "suffix", "equals-ignore-case");
    private static final Set<String> NUMERIC_COMPARATORS = Set.of("=", "<", "<=", ">", ">=");

    private final JsonNode policy;

    private FilterPolicyMatcher(JsonNode policy) {
        this.policy = policy;
    }

    /** Parses and validates a policy; throws IllegalArgumentException with the reason when SNS would reject it. */
    static FilterPolicyMatcher compile(String policyJson) {
        JsonNode root;
        try {
            root = JSON.readTree(policyJson);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("FilterPolicy is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("FilterPolicy must be a JSON object");
        }
        validateKeys(root);
        return new FilterPolicyMatcher(root);
    }

    /** True when the policy is {@code {}}, which SNS treats as "no filter". */
    static boolean isEmptyPolicy(String policyJson) {
        return policyJson == null || policyJson.isBlank() || compile(policyJson).policy.isEmpty();
    }

    boolean matchesAttributes(Map<String, MessageAttribute> attributes) {
        return matchesKeys(policy, new AttributeValues(attributes));
    }

    /** For {@code FilterPolicyScope=MessageBody}: a body that is not a JSON object matches nothing. */
    boolean matchesBody(String body) {
        JsonNode parsed;
        try {
            parsed = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return false;
        }
        return parsed != null && parsed.isObject() && matchesKeys(policy, new BodyValues(parsed));
    }

    // ---- evaluation

    /** The values a message offers for one key; empty when the message does not have the key. */
    private interface MessageValues {
        Optional<List<JsonNode>> valuesOf(String key);

        MessageValues nested(String key);
    }

    private static boolean matchesKeys(JsonNode keys, MessageValues message) {
        for (Iterator<Map.Entry<String, JsonNode>> it = keys.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> key = it.next();
            boolean matched;
            if (key.getKey().equals("$or")) {
                matched = false;
                for (JsonNode alternative : key.getValue()) {
                    matched |= matchesKeys(alternative, message);
                }
            } else if (key.getValue().isArray()) {
                matched = matchesAnyCondition(key.getValue(), message.valuesOf(key.getKey()));
            } else {
                matched = matchesKeys(key.getValue(), message.nested(key.getKey()));
            }
            if (!matched) {
                return false;
            }
        }
        return true;
    }

    private static boolean matchesAnyCondition(JsonNode conditions, Optional<List<JsonNode>> values) {
        for (JsonNode condition : conditions) {
            if (condition.isObject() && condition.has("exists")) {
                if (condition.get("exists").asBoolean() == values.isPresent()) {
                    return true;
                }
                continue;
            }
            if (values.isPresent()) {
                for (JsonNode value : values.get()) {
                    if (satisfies(condition, value)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean satisfies(JsonNode condition, JsonNode value) {
        if (condition.isTextual()) {
            return value.isTextual() && value.textValue().equals(condition.textValue());
        }
        if (condition.isNumber()) {
            return value.isNumber() && value.decimalValue().compareTo(condition.decimalValue()) == 0;
        }
        if (condition.isBoolean()) {
            return value.isBoolean() && value.booleanValue() == condition.booleanValue();
        }
        if (condition.isNull()) {
            return value.isNull();
        }
        Map.Entry<String, JsonNode> operator = condition.fields().next();
        JsonNode argument = operator.getValue();
        return switch (operator.getKey()) {
            case "prefix" -> value.isTextual() && value.textValue().startsWith(argument.textValue());
            case "suffix" -> value.isTextual() && value.textValue().endsWith(argument.textValue());
            case "equals-ignore-case" -> value.isTextual() && value.textValue().equalsIgnoreCase(argument.textValue());
            case "anything-but" -> satisfiesAnythingBut(argument, value);
            case "numeric" -> value.isNumber() && satisfiesNumeric(argument, value.decimalValue());
            default -> false;
        };
    }

    private static boolean satisfiesAnythingBut(JsonNode excluded, JsonNode value) {
        if (excluded.isArray()) {
            for (JsonNode each : excluded) {
                if (satisfies(each, value)) {
                    return false;
                }
            }
            return true;
        }
        if (excluded.isObject()) {
            return value.isTextual() && !satisfies(excluded, value);
        }
        return !satisfies(excluded, value);
    }

    private static boolean satisfiesNumeric(JsonNode comparisons, BigDecimal value) {
        for (int i = 0; i < comparisons.size(); i += 2) {
            int order = value.compareTo(comparisons.get(i + 1).decimalValue());
            boolean holds = switch (comparisons.get(i).textValue()) {
                case "=" -> order == 0;
                case "<" -> order < 0;
                case "<=" -> order <= 0;
                case ">" -> order > 0;
                default -> order >= 0;
            };
            if (!holds) {
                return false;
            }
        }
        return true;
    }

    /** Message attributes are flat: a nested policy key never finds a value. */
    private record AttributeValues(Map<String, MessageAttribute> attributes) implements MessageValues {

        @Override
        public Optional<List<JsonNode>> valuesOf(String key) {
            MessageAttribute attribute = attributes.get(key);
            if (attribute == null) {
                return Optional.empty();
            }
            if (attribute.isBinary()) {
                return Optional.of(List.of());
            }
            if (attribute.isStringArray()) {
                return Optional.of(elements(parse(attribute.stringValue())));
            }
            if (attribute.isNumber()) {
                return Optional.of(List.of(DecimalNode.valueOf(new BigDecimal(attribute.stringValue().trim()))));
            }
            return Optional.of(List.of(TextNode.valueOf(attribute.stringValue())));
        }

        @Override
        public MessageValues nested(String key) {
            return new AttributeValues(Map.of());
        }

        private static JsonNode parse(String json) {
            try {
                return JSON.readTree(json);
            } catch (JsonProcessingException e) {
                return JSON.createArrayNode();
            }
        }
    }

    private record BodyValues(JsonNode object) implements MessageValues {

        @Override
        public Optional<List<JsonNode>> valuesOf(String key) {
            JsonNode value = object.get(key);
            return value == null ? Optional.empty() : Optional.of(value.isArray() ? elements(value) : List.of(value));
        }

        @Override
        public MessageValues nested(String key) {
            JsonNode value = object.get(key);
            return new BodyValues(value != null && value.isObject() ? value : JSON.createObjectNode());
        }
    }

    private static List<JsonNode> elements(JsonNode array) {
        List<JsonNode> elements = new ArrayList<>();
        array.forEach(elements::add);
        return elements;
    }

    // ---- validation

    private static void validateKeys(JsonNode keys) {
        for (Iterator<Map.Entry<String, JsonNode>> it = keys.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> key = it.next();
            JsonNode value = key.getValue();
            if (key.getKey().equals("$or")) {
                if (!value.isArray() || value.size() < 2) {
                    throw new IllegalArgumentException("FilterPolicy: $or needs an array of at least two alternatives");
                }
                value.forEach(alternative -> {
                    if (!alternative.isObject() || alternative.isEmpty()) {
                        throw new IllegalArgumentException("FilterPolicy: each $or alternative must be a non-empty object");
                    }
                    validateKeys(alternative);
                });
            } else if (value.isArray()) {
                if (value.isEmpty()) {
                    throw new IllegalArgumentException("FilterPolicy: \"" + key.getKey() + "\" has an empty list of conditions");
                }
                value.forEach(condition -> validateCondition(key.getKey(), condition));
            } else if (value.isObject() && !value.isEmpty()) {
                validateKeys(value);
            } else {
                throw new IllegalArgumentException(
                        "FilterPolicy: \"" + key.getKey() + "\" must be a list of conditions, e.g. [\"value\"]");
            }
        }
    }

    private static void validateCondition(String key, JsonNode condition) {
        if (condition.isValueNode()) {
            return;
        }
        if (!condition.isObject() || condition.size() != 1) {
            throw new IllegalArgumentException("FilterPolicy: \"" + key + "\" has a condition that is neither a value "
                    + "nor an object with exactly one operator: " + condition);
        }
        Map.Entry<String, JsonNode> operator = condition.fields().next();
        String name = operator.getKey();
        JsonNode argument = operator.getValue();
        boolean valid;
        if (TEXT_OPERATORS.contains(name)) {
            valid = argument.isTextual();
        } else if (name.equals("exists")) {
            valid = argument.isBoolean();
        } else if (name.equals("numeric")) {
            valid = isNumericRange(argument);
        } else if (name.equals("anything-but")) {
            valid = isAnythingButArgument(argument);
        } else {
            throw new IllegalArgumentException("FilterPolicy: operator \"" + name
                    + "\" is not supported by the local SNS stand-in");
        }
        if (!valid) {
            throw new IllegalArgumentException("FilterPolicy: \"" + key + "\" has an invalid " + name + " condition: " + condition);
        }
    }

    private static boolean isNumericRange(JsonNode argument) {
        if (!argument.isArray() || (argument.size() != 2 && argument.size() != 4)) {
            return false;
        }
        for (int i = 0; i < argument.size(); i += 2) {
            JsonNode comparator = argument.get(i);
            if (!comparator.isTextual() || !NUMERIC_COMPARATORS.contains(comparator.textValue())
                    || !argument.get(i + 1).isNumber()) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAnythingButArgument(JsonNode argument) {
        if (argument.isTextual() || argument.isNumber()) {
            return true;
        }
        if (argument.isArray()) {
            if (argument.isEmpty()) {
                return false;
            }
            for (JsonNode each : argument) {
                if (!each.isTextual() && !each.isNumber()) {
                    return false;
                }
            }
            return true;
        }
        return argument.isObject() && argument.size() == 1
                && TEXT_OPERATORS.contains(argument.fieldNames().next())
                && argument.elements().next().isTextual();
    }
}
