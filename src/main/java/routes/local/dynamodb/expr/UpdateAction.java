package routes.local.dynamodb.expr;

/** One action of an update expression's SET, REMOVE, ADD or DELETE clause. */
sealed interface UpdateAction {

    DocumentPath path();

    /** The clause keyword, also the order in which {@link UpdateAction} clauses print. */
    enum Clause { SET, REMOVE, ADD, DELETE }

    Clause clause();

    void print(StringBuilder out, boolean debug);

    record Set(DocumentPath path, UpdateValue value) implements UpdateAction {
        @Override public Clause clause() { return Clause.SET; }
        @Override public void print(StringBuilder out, boolean debug) {
            path.print(out, debug);
            out.append(" = ");
            value.print(out, debug);
        }
    }

    record Remove(DocumentPath path) implements UpdateAction {
        @Override public Clause clause() { return Clause.REMOVE; }
        @Override public void print(StringBuilder out, boolean debug) { path.print(out, debug); }
    }

    /** ADD: adds to a number or unions a set; creates the attribute when it is missing. */
    record Add(DocumentPath path, ValueRef value) implements UpdateAction {
        @Override public Clause clause() { return Clause.ADD; }
        @Override public void print(StringBuilder out, boolean debug) {
            path.print(out, debug);
            out.append(' ');
            value.print(out, debug);
        }
    }

    /** DELETE: removes members from a set; an emptied set removes the attribute. */
    record Delete(DocumentPath path, ValueRef value) implements UpdateAction {
        @Override public Clause clause() { return Clause.DELETE; }
        @Override public void print(StringBuilder out, boolean debug) {
            path.print(out, debug);
            out.append(' ');
            value.print(out, debug);
        }
    }
}
