package routes.local.dynamodb.value;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import routes.local.dynamodb.api.DynamoDbException;

/**
 * AttributeValue JSON as the AWS JSON 1.0 protocol carries it ({@code {"S": "x"}}, {@code {"N": "1"}},
 * {@code {"B": "<base64>"}}, {@code {"M": {...}}} …) to and from {@link Value}. Invalid input is a
 * ValidationException (API Reference, "AttributeValue"): exactly one type member, non-empty sets,
 * no duplicate set members, numbers within range.
 */
public final class ValueJson {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ValueJson() {}

    /** An item or key: a JSON object of attribute name → AttributeValue. */
    public static Map<String, Value> item(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw DynamoDbException.serialization("Expected an object of attribute values");
        }
        Map<String, Value> item = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            item.put(field.getKey(), value(field.getValue()));
        }
        return item;
    }

    public static Value value(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw DynamoDbException.serialization("Expected an AttributeValue object");
        }
        if (node.size() != 1) {
            throw DynamoDbException.validation(node.size() == 0
                    ? "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes"
                    : "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
        }
        Map.Entry<String, JsonNode> only = node.fields().next();
        JsonNode v = only.getValue();
        try {
            return switch (only.getKey()) {
                case "S" -> new Value.S(text(v));
                case "N" -> new Value.N(Numbers.parse(text(v)));
                case "B" -> new Value.B(Value.Bytes.ofBase64(text(v)));
                case "BOOL" -> {
                    if (!v.isBoolean()) throw DynamoDbException.serialization("BOOL must be a boolean");
                    yield new Value.Bool(v.booleanValue());
                }
                case "NULL" -> {
                    if (!v.isBoolean()) throw DynamoDbException.serialization("NULL must be a boolean");
                    if (!v.booleanValue()) {
                        throw DynamoDbException.validation("One or more parameter values were invalid: Null attribute value types must have the value of true");
                    }
                    yield new Value.Null();
                }
                case "L" -> {
                    List<Value> values = new ArrayList<>();
                    for (JsonNode element : array(v)) values.add(value(element));
                    yield new Value.L(values);
                }
                case "M" -> new Value.M(item(v));
                case "SS" -> {
                    Set<String> set = new LinkedHashSet<>();
                    for (JsonNode element : nonEmptySet(v)) {
                        if (!set.add(text(element))) throw duplicateInSet(v);
                    }
                    yield new Value.SS(set);
                }
                case "NS" -> {
                    Set<BigDecimal> set = new LinkedHashSet<>();
                    for (JsonNode element : nonEmptySet(v)) {
                        if (!set.add(Numbers.parse(text(element)))) throw duplicateInSet(v);
                    }
                    yield new Value.NS(set);
                }
                case "BS" -> {
                    Set<Value.Bytes> set = new LinkedHashSet<>();
                    for (JsonNode element : nonEmptySet(v)) {
                        if (!set.add(Value.Bytes.ofBase64(text(element)))) throw duplicateInSet(v);
                    }
                    yield new Value.BS(set);
                }
                default -> throw DynamoDbException.serialization("Unknown AttributeValue type: " + only.getKey());
            };
        } catch (NumberFormatException e) {
            throw DynamoDbException.validation(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw DynamoDbException.serialization("Invalid base64 in a binary value: " + e.getMessage());
        }
    }

    public static ObjectNode toJson(Map<String, Value> item) {
        ObjectNode node = JSON.objectNode();
        item.forEach((name, value) -> node.set(name, toJson(value)));
        return node;
    }

    public static ObjectNode toJson(Value value) {
        ObjectNode node = JSON.objectNode();
        if (value instanceof Value.S s) {
            node.put("S", s.value());
        } else if (value instanceof Value.N n) {
            node.put("N", Numbers.format(n.value()));
        } else if (value instanceof Value.B b) {
            node.put("B", b.value().base64());
        } else if (value instanceof Value.Bool b) {
            node.put("BOOL", b.value());
        } else if (value instanceof Value.Null) {
            node.put("NULL", true);
        } else if (value instanceof Value.L l) {
            ArrayNode array = node.putArray("L");
            l.values().forEach(v -> array.add(toJson(v)));
        } else if (value instanceof Value.M m) {
            node.set("M", toJson(m.values()));
        } else if (value instanceof Value.SS ss) {
            ArrayNode array = node.putArray("SS");
            ss.values().forEach(array::add);
        } else if (value instanceof Value.NS ns) {
            ArrayNode array = node.putArray("NS");
            ns.values().forEach(n -> array.add(Numbers.format(n)));
        } else if (value instanceof Value.BS bs) {
            ArrayNode array = node.putArray("BS");
            bs.values().forEach(b -> array.add(b.base64()));
        }
        return node;
    }

    private static String text(JsonNode node) {
        if (!node.isTextual()) {
            throw DynamoDbException.serialization("Expected a string, got " + node.getNodeType());
        }
        return node.textValue();
    }

    private static JsonNode array(JsonNode node) {
        if (!node.isArray()) {
            throw DynamoDbException.serialization("Expected a list, got " + node.getNodeType());
        }
        return node;
    }

    private static JsonNode nonEmptySet(JsonNode node) {
        if (array(node).isEmpty()) {
            throw DynamoDbException.validation("One or more parameter values were invalid: An string set  may not be empty");
        }
        return node;
    }

    private static DynamoDbException duplicateInSet(JsonNode node) {
        return DynamoDbException.validation("One or more parameter values were invalid: Input collection " + node + " contains duplicates.");
    }
}
