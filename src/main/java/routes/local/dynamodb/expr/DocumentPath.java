package routes.local.dynamodb.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import routes.local.dynamodb.api.DynamoDbException;
import routes.local.dynamodb.value.Value;

/**
 * A document path in an expression's syntax tree, as written (plain names, {@code #placeholders},
 * list indexes) so it prints back to the same text, together with the {@link AttributePath} it resolves to.
 */
final class DocumentPath implements Operand, UpdateValue {

    sealed interface Segment permits Name, Placeholder, Index {}

    /** A plain attribute name. */
    record Name(String name) implements Segment {}

    /** A {@code #placeholder}; {@code name} is what ExpressionAttributeNames maps it to (null when undefined). */
    record Placeholder(String placeholder, String name) implements Segment {}

    record Index(int index) implements Segment {}

    private final List<Segment> segments;
    private final AttributePath resolved;

    DocumentPath(List<Segment> segments) {
        this.segments = List.copyOf(segments);
        List<AttributePath.Element> elements = new ArrayList<>(segments.size());
        for (Segment segment : segments) {
            if (segment instanceof Name name) elements.add(new AttributePath.Key(name.name()));
            else if (segment instanceof Placeholder placeholder) elements.add(new AttributePath.Key(placeholder.name()));
            else elements.add(new AttributePath.Index(((Index) segment).index()));
        }
        this.resolved = new AttributePath(elements);
    }

    List<Segment> segments() { return segments; }

    AttributePath resolved() { return resolved; }

    @Override
    public Value evaluate(Map<String, Value> item) {
        return resolved.valueIn(item);
    }

    @Override
    public Value compute(Map<String, Value> item) {
        Value value = resolved.valueIn(item);
        if (value == null) {
            throw DynamoDbException.validation("The provided expression refers to an attribute that does not exist in the item");
        }
        return value;
    }

    @Override
    public void print(StringBuilder out, boolean debug) {
        for (int i = 0; i < segments.size(); i++) {
            Segment segment = segments.get(i);
            if (segment instanceof Index index) {
                out.append('[').append(index.index()).append(']');
                continue;
            }
            if (i > 0) out.append('.');
            if (segment instanceof Name name) {
                out.append(name.name());
            } else {
                Placeholder placeholder = (Placeholder) segment;
                out.append(placeholder.placeholder());
                if (debug) out.append("(").append(placeholder.name()).append(")");
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DocumentPath other && segments.equals(other.segments);
    }

    @Override
    public int hashCode() {
        return segments.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        print(out, false);
        return out.toString();
    }
}
