package routes.local.dynamodb.expr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import routes.local.dynamodb.value.Value;

/**
 * A projection expression ready to apply (Developer Guide, "Projection expressions"). Its paths are
 * merged into one tree of selections so an item is walked once; a nested path keeps its enclosing
 * maps, and selected list elements keep their order in a shorter list.
 */
final class ParsedProjection implements Projection {

    private final List<DocumentPath> documentPaths;
    private final List<AttributePath> paths;
    private final Selection root = new Selection();

    private ParsedProjection(List<DocumentPath> documentPaths) {
        this.documentPaths = List.copyOf(documentPaths);
        List<AttributePath> resolved = new ArrayList<>(documentPaths.size());
        for (DocumentPath path : documentPaths) {
            resolved.add(path.resolved());
            root.select(path.resolved().elements(), 0);
        }
        this.paths = List.copyOf(resolved);
    }

    static ParsedProjection parse(String text, ExpressionAttributes attributes) {
        TokenCursor cursor = new TokenCursor(text, ExpressionKind.PROJECTION, attributes);
        List<DocumentPath> paths = new ArrayList<>();
        do {
            paths.add(cursor.path());
        } while (cursor.accept(TokenKind.COMMA));
        cursor.expectEnd();
        List<AttributePath> resolved = new ArrayList<>(paths.size());
        for (DocumentPath path : paths) resolved.add(path.resolved());
        cursor.requireSeparate(resolved);
        cursor.throwReported();
        return new ParsedProjection(paths);
    }

    List<DocumentPath> documentPaths() { return documentPaths; }

    @Override
    public List<AttributePath> paths() { return paths; }

    @Override
    public Map<String, Value> apply(Map<String, Value> item) {
        Map<String, Value> projected = new LinkedHashMap<>();
        root.keys.forEach((name, selection) -> {
            Value value = item.get(name);
            Value kept = value == null ? null : selection.project(value);
            if (kept != null) projected.put(name, kept);
        });
        return projected;
    }

    String print() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < documentPaths.size(); i++) {
            if (i > 0) out.append(", ");
            documentPaths.get(i).print(out, false);
        }
        return out.toString();
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("Projection[");
        for (int i = 0; i < documentPaths.size(); i++) {
            if (i > 0) out.append(", ");
            documentPaths.get(i).print(out, true);
        }
        return out.append(']').toString();
    }

    /** What to keep below one point of the item: all of it, or some map keys, or some list indexes. */
    private static final class Selection {
        private boolean whole;
        private final Map<String, Selection> keys = new LinkedHashMap<>();
        private final TreeMap<Integer, Selection> indexes = new TreeMap<>();

        void select(List<AttributePath.Element> elements, int depth) {
            if (depth == elements.size()) {
                whole = true;
                return;
            }
            AttributePath.Element element = elements.get(depth);
            Selection child = element instanceof AttributePath.Key key
                    ? keys.computeIfAbsent(key.name(), k -> new Selection())
                    : indexes.computeIfAbsent(((AttributePath.Index) element).index(), k -> new Selection());
            child.select(elements, depth + 1);
        }

        /** The selected part of the value, or null when none of it is there. */
        Value project(Value value) {
            if (whole) return value;
            if (value instanceof Value.M map && !keys.isEmpty()) {
                Map<String, Value> kept = new LinkedHashMap<>();
                keys.forEach((name, selection) -> {
                    Value child = map.values().get(name);
                    Value part = child == null ? null : selection.project(child);
                    if (part != null) kept.put(name, part);
                });
                return kept.isEmpty() ? null : new Value.M(kept);
            }
            if (value instanceof Value.L list && !indexes.isEmpty()) {
                List<Value> kept = new ArrayList<>();
                indexes.forEach((index, selection) -> {
                    Value part = index < list.values().size() ? selection.project(list.values().get(index)) : null;
                    if (part != null) kept.add(part);
                });
                return kept.isEmpty() ? null : new Value.L(kept);
            }
            return null;
        }
    }
}
