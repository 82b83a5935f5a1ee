package routes.local.dynamodb.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import routes.local.dynamodb.expr.AttributePath;
import routes.local.dynamodb.value.Value;

/**
 * The part of an item that some document paths reach, keeping the enclosing maps and lists: what
 * UpdateItem returns for ReturnValues UPDATED_OLD and UPDATED_NEW (API Reference, UpdateItem).
 */
final class PathProjection {

    private PathProjection() {}

    static Map<String, Value> of(Map<String, Value> item, List<AttributePath> paths) {
        Map<String, Value> result = new LinkedHashMap<>();
        if (item == null) {
            return result;
        }
        for (AttributePath path : paths) {
            Value top = item.get(path.topLevel());
            if (top == null) {
                continue;
            }
            Value picked = pick(top, path.elements().subList(1, path.elements().size()));
            if (picked != null) {
                result.merge(path.topLevel(), picked, PathProjection::mergeValues);
            }
        }
        return result;
    }

    private static Value pick(Value value, List<AttributePath.Element> rest) {
        if (rest.isEmpty()) {
            return value;
        }
        AttributePath.Element head = rest.get(0);
        List<AttributePath.Element> tail = rest.subList(1, rest.size());
        if (head instanceof AttributePath.Key key && value instanceof Value.M map) {
            Value inner = map.values().get(key.name());
            Value picked = inner == null ? null : pick(inner, tail);
            return picked == null ? null : new Value.M(Map.of(key.name(), picked));
        }
        if (head instanceof AttributePath.Index index && value instanceof Value.L list
                && index.index() < list.values().size()) {
            Value picked = pick(list.values().get(index.index()), tail);
            return picked == null ? null : new Value.L(List.of(picked));
        }
        return null;
    }

    private static Value mergeValues(Value a, Value b) {
        if (a instanceof Value.M x && b instanceof Value.M y) {
            Map<String, Value> merged = new LinkedHashMap<>(x.values());
            y.values().forEach((k, v) -> merged.merge(k, v, PathProjection::mergeValues));
            return new Value.M(merged);
        }
        if (a instanceof Value.L x && b instanceof Value.L y) {
            List<Value> merged = new ArrayList<>(x.values());
            merged.addAll(y.values());
            return new Value.L(merged);
        }
        return b;
    }
}
