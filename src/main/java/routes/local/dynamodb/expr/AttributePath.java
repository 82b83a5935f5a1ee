package routes.local.dynamodb.expr;

import java.util.List;

/**
 * A document path ({@code a.b[2].c}) with placeholders resolved: each element is a map key
 * ({@link Key}) or a list index ({@link Index}).
 */
public record AttributePath(List<Element> elements) {

    public AttributePath { elements = List.copyOf(elements); }

    public sealed interface Element {}

    public record Key(String name) implements Element {}

    public record Index(int index) implements Element {}

    /** The top-level attribute name this path starts with. */
    public String topLevel() {
        return ((Key) elements.get(0)).name();
    }
}
