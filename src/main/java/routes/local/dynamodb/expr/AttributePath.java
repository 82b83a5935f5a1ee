package routes.local.dynamodb.expr;

import java.util.List;
import java.util.Map;
import routes.local.dynamodb.value.Value;

/**
 * A document path ({@code a.b[2].c}) with placeholders resolved: each element is a map key
 * ({@link Key}) or a list index ({@link Index}).
 */
public record AttributePath(List<Element> elements) {

    public AttributePath { elements = List.copyOf(elements); }

    public sealed interface Element {}

    public record Key(String name) implements Element {}

    public record Index(int index) implements Element {}

    /** How two paths of one expression relate; AWS rejects overlapping and conflicting ones. */
    public enum Relation {
        /** Neither reaches into the other. */
        DISJOINT,
        /** One is the other or lies inside it ({@code a} and {@code a.b}). */
        OVERLAP,
        /** They agree up to a point where one indexes a list and the other names a map key ({@code a[1]} and {@code a.b}). */
        CONFLICT
    }

    /** The path of a top-level attribute. */
    public static AttributePath attribute(String name) {
        return new AttributePath(List.of(new Key(name)));
    }

    /** The top-level attribute name this path starts with. */
    public String topLevel() {
        return ((Key) elements.get(0)).name();
    }

    public boolean isTopLevel() {
        return elements.size() == 1;
    }

    /** The value this path reaches in the item, or null when any step of it is missing or of the wrong type. */
    public Value valueIn(Map<String, Value> item) {
        Value current = item.get(topLevel());
        for (int i = 1; i < elements.size() && current != null; i++) {
            current = step(current, elements.get(i));
        }
        return current;
    }

    /** The child of a map or list this element names, or null. */
    static Value step(Value container, Element element) {
        if (element instanceof Key key) {
            return container instanceof Value.M map ? map.values().get(key.name()) : null;
        }
        int index = ((Index) element).index();
        return container instanceof Value.L list && index < list.values().size() ? list.values().get(index) : null;
    }

    public Relation relationTo(AttributePath other) {
        int common = Math.min(elements.size(), other.elements.size());
        for (int i = 0; i < common; i++) {
            Element mine = elements.get(i);
            Element theirs = other.elements.get(i);
            if (mine.getClass() != theirs.getClass()) return Relation.CONFLICT;
            if (!mine.equals(theirs)) return Relation.DISJOINT;
        }
        return Relation.OVERLAP;
    }

    /** AWS's spelling in error messages: {@code [a, b, [2]]}. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < elements.size(); i++) {
            if (i > 0) out.append(", ");
            Element element = elements.get(i);
            if (element instanceof Key key) out.append(key.name());
            else out.append('[').append(((Index) element).index()).append(']');
        }
        return out.append(']').toString();
    }
}
