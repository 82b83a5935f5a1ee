package routes.local.dynamodb.expr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import routes.local.dynamodb.api.DynamoDbException;
import routes.local.dynamodb.value.Value;

/**
 * A working copy of an item that an update writes into by document path. Values are immutable, so
 * writing {@code a.b[2]} rebuilds {@code a} and its list; the item handed in is never touched.
 */
final class DocumentEditor {

    private final Map<String, Value> item;
    /** Where the last {@link #put} landed: a list index past the end becomes the index it was appended at. */
    private AttributePath landed;

    DocumentEditor(Map<String, Value> original) {
        this.item = new LinkedHashMap<>(original);
    }

    Map<String, Value> item() { return item; }

    Value get(AttributePath path) {
        return path.valueIn(item);
    }

    /** Writes the value; SET past the end of a list appends. Returns the path it landed on. */
    AttributePath put(AttributePath path, Value value) {
        landed = path;
        List<AttributePath.Element> elements = path.elements();
        String top = path.topLevel();
        if (elements.size() == 1) {
            item.put(top, value);
            return path;
        }
        Value container = item.get(top);
        if (container == null) throw invalidPath();
        item.put(top, putInside(container, path, 1, value));
        return landed;
    }

    /** Removes what the path names; true when there was something to remove. */
    boolean remove(AttributePath path) {
        List<AttributePath.Element> elements = path.elements();
        String top = path.topLevel();
        if (elements.size() == 1) return item.remove(top) != null;
        Value container = item.get(top);
        if (container == null) throw invalidPath();
        Value updated = removeInside(container, elements, 1);
        if (updated == null) return false;
        item.put(top, updated);
        return true;
    }

    private Value putInside(Value container, AttributePath path, int depth, Value value) {
        List<AttributePath.Element> elements = path.elements();
        AttributePath.Element element = elements.get(depth);
        boolean last = depth == elements.size() - 1;
        if (element instanceof AttributePath.Key key) {
            if (!(container instanceof Value.M map)) throw invalidPath();
            Map<String, Value> copy = new LinkedHashMap<>(map.values());
            if (last) {
                copy.put(key.name(), value);
            } else {
                Value child = copy.get(key.name());
                if (child == null) throw invalidPath();
                copy.put(key.name(), putInside(child, path, depth + 1, value));
            }
            return new Value.M(copy);
        }
        if (!(container instanceof Value.L list)) throw invalidPath();
        int index = ((AttributePath.Index) element).index();
        List<Value> copy = new ArrayList<>(list.values());
        if (last) {
            if (index < copy.size()) {
                copy.set(index, value);
            } else {
                copy.add(value);
                landed = withIndex(path, depth, copy.size() - 1);
            }
        } else {
            if (index >= copy.size()) throw invalidPath();
            copy.set(index, putInside(copy.get(index), path, depth + 1, value));
        }
        return new Value.L(copy);
    }

    /** The container without the element, or null when the element is not there. */
    private Value removeInside(Value container, List<AttributePath.Element> elements, int depth) {
        AttributePath.Element element = elements.get(depth);
        boolean last = depth == elements.size() - 1;
        if (element instanceof AttributePath.Key key) {
            if (!(container instanceof Value.M map)) throw invalidPath();
            Value child = map.values().get(key.name());
            if (child == null) {
                if (last) return null;
                throw invalidPath();
            }
            Value replacement = last ? null : removeInside(child, elements, depth + 1);
            if (!last && replacement == null) return null;
            Map<String, Value> copy = new LinkedHashMap<>(map.values());
            if (last) copy.remove(key.name());
            else copy.put(key.name(), replacement);
            return new Value.M(copy);
        }
        if (!(container instanceof Value.L list)) throw invalidPath();
        int index = ((AttributePath.Index) element).index();
        if (index >= list.values().size()) {
            if (last) return null;
            throw invalidPath();
        }
        Value replacement = last ? null : removeInside(list.values().get(index), elements, depth + 1);
        if (!last && replacement == null) return null;
        List<Value> copy = new ArrayList<>(list.values());
        if (last) copy.remove(index);
        else copy.set(index, replacement);
        return new Value.L(copy);
    }

    private static AttributePath withIndex(AttributePath path, int depth, int index) {
        List<AttributePath.Element> elements = new ArrayList<>(path.elements());
        elements.set(depth, new AttributePath.Index(index));
        return new AttributePath(elements);
    }

    static DynamoDbException invalidPath() {
        return DynamoDbException.validation("The document path provided in the update expression is invalid for update");
    }
}
