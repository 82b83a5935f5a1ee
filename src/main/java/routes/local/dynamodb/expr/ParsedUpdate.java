package routes.local.dynamodb.expr;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import routes.local.dynamodb.value.Value;

/**
 * An update expression ready to apply. Every SET value is computed from the item as it was before the
 * update; then SETs apply in path order (so appends past a list's end keep their order), ADDs and
 * DELETEs, and REMOVEs from the highest list index down (so each index means what it meant before).
 */
final class ParsedUpdate implements Update {

    private static final Comparator<AttributePath> PATH_ORDER = ParsedUpdate::comparePaths;

    private final List<UpdateAction> actions;
    private final List<UpdateAction> applyOrder;
    private final List<AttributePath> paths;

    ParsedUpdate(List<UpdateAction> actions) {
        this.actions = List.copyOf(actions);
        List<UpdateAction> order = new ArrayList<>(actions);
        order.sort(Comparator.comparingInt((UpdateAction a) -> applyRank(a.clause()))
                .thenComparing((a, b) -> a.clause() == UpdateAction.Clause.REMOVE
                        ? PATH_ORDER.compare(b.path().resolved(), a.path().resolved())
                        : PATH_ORDER.compare(a.path().resolved(), b.path().resolved())));
        this.applyOrder = List.copyOf(order);
        List<AttributePath> all = new ArrayList<>(actions.size());
        for (UpdateAction action : actions) all.add(action.path().resolved());
        this.paths = List.copyOf(all);
    }

    List<UpdateAction> actions() { return actions; }

    @Override
    public List<AttributePath> paths() { return paths; }

    @Override
    public Result apply(Map<String, Value> item) {
        List<Value> setValues = new ArrayList<>(applyOrder.size());
        for (UpdateAction action : applyOrder) {
            setValues.add(action instanceof UpdateAction.Set set ? set.value().compute(item) : null);
        }
        DocumentEditor editor = new DocumentEditor(item);
        List<AttributePath> updated = new ArrayList<>(applyOrder.size());
        for (int i = 0; i < applyOrder.size(); i++) {
            UpdateAction action = applyOrder.get(i);
            AttributePath path = action.path().resolved();
            if (action instanceof UpdateAction.Set) {
                updated.add(editor.put(path, setValues.get(i)));
            } else if (action instanceof UpdateAction.Remove) {
                if (editor.remove(path)) updated.add(path);
            } else if (action instanceof UpdateAction.Add add) {
                editor.put(path, added(editor.get(path), add.value().value()));
                updated.add(path);
            } else {
                Value existing = editor.get(path);
                if (existing == null) continue;
                Value remaining = difference(existing, ((UpdateAction.Delete) action).value().value());
                if (remaining == null) editor.remove(path);
                else editor.put(path, remaining);
                updated.add(path);
            }
        }
        return new Result(editor.item(), updated);
    }

    /** ADD: a missing attribute becomes the value; numbers add; sets of one type unite. */
    private static Value added(Value existing, Value value) {
        if (existing == null) return value;
        if (existing instanceof Value.N a && value instanceof Value.N b) return UpdateValue.number(a.value().add(b.value()));
        if (existing instanceof Value.SS a && value instanceof Value.SS b) return new Value.SS(union(a.values(), b.values()));
        if (existing instanceof Value.NS a && value instanceof Value.NS b) return new Value.NS(union(a.values(), b.values()));
        if (existing instanceof Value.BS a && value instanceof Value.BS b) return new Value.BS(union(a.values(), b.values()));
        throw UpdateValue.incorrectDataType();
    }

    /** DELETE: the set without the given members, or null when none remain (AWS stores no empty sets). */
    private static Value difference(Value existing, Value value) {
        if (existing instanceof Value.SS a && value instanceof Value.SS b) {
            Set<String> rest = minus(a.values(), b.values());
            return rest.isEmpty() ? null : new Value.SS(rest);
        }
        if (existing instanceof Value.NS a && value instanceof Value.NS b) {
            Set<BigDecimal> rest = minus(a.values(), b.values());
            return rest.isEmpty() ? null : new Value.NS(rest);
        }
        if (existing instanceof Value.BS a && value instanceof Value.BS b) {
            Set<Value.Bytes> rest = minus(a.values(), b.values());
            return rest.isEmpty() ? null : new Value.BS(rest);
        }
        throw UpdateValue.incorrectDataType();
    }

    private static <T> Set<T> union(Set<T> a, Set<T> b) {
        Set<T> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }

    private static <T> Set<T> minus(Set<T> a, Set<T> b) {
        Set<T> rest = new LinkedHashSet<>(a);
        rest.removeAll(b);
        return rest;
    }

    private static int applyRank(UpdateAction.Clause clause) {
        return switch (clause) {
            case SET -> 0;
            case ADD -> 1;
            case DELETE -> 2;
            case REMOVE -> 3;
        };
    }

    private static int comparePaths(AttributePath a, AttributePath b) {
        int common = Math.min(a.elements().size(), b.elements().size());
        for (int i = 0; i < common; i++) {
            AttributePath.Element x = a.elements().get(i);
            AttributePath.Element y = b.elements().get(i);
            int order;
            if (x instanceof AttributePath.Index xi && y instanceof AttributePath.Index yi) {
                order = Integer.compare(xi.index(), yi.index());
            } else if (x instanceof AttributePath.Key xk && y instanceof AttributePath.Key yk) {
                order = xk.name().compareTo(yk.name());
            } else {
                order = x instanceof AttributePath.Key ? -1 : 1;
            }
            if (order != 0) return order;
        }
        return Integer.compare(a.elements().size(), b.elements().size());
    }

    /** The expression text with its placeholders; each clause's actions are contiguous, so clauses keep their order. */
    String print(boolean debug) {
        StringBuilder out = new StringBuilder();
        UpdateAction.Clause current = null;
        for (UpdateAction action : actions) {
            if (action.clause() != current) {
                if (current != null) out.append(' ');
                current = action.clause();
                out.append(current).append(' ');
            } else {
                out.append(", ");
            }
            action.print(out, debug);
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return "Update[" + print(true) + "]";
    }
}
