package routes.local.dynamodb.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import routes.local.dynamodb.expr.ConditionNode.Comparator;
import routes.local.dynamodb.value.Value;
import routes.local.dynamodb.value.ValueJson;

/** Properties of the expression language over random syntax trees, items and values. */
class ExpressionProperties {

    private static final List<String> PLAIN_NAMES = List.of("alpha", "beta", "gamma_1", "_x", "pk", "Sk9");
    /** Placeholders may stand for reserved words and for names with dots in them. */
    private static final Map<String, String> NAMES = TestValues.names("#a", "alpha", "#s", "status", "#d", "order.id", "#z", "zip");
    private static final Map<String, Value> VALUES = TestValues.item(
            ":n", Value.n(5), ":s", Value.s("x"), ":t", Value.s("N"), ":lo", Value.n(1), ":hi", Value.n(9),
            ":l", TestValues.list(Value.n(1)), ":ss", TestValues.ss("a", "b"), ":b", TestValues.b(1, 2));

    private static ExpressionAttributes attributes() {
        return new ExpressionAttributes(NAMES, VALUES);
    }

    // (1) print then parse gives back the same tree

    @Property(tries = 500)
    void printedConditionsParseBackToTheSameTree(@ForAll("conditions") ConditionNode condition) {
        StringBuilder text = new StringBuilder();
        condition.print(text, false);
        ParsedCondition parsed = (ParsedCondition) Expressions.condition(text.toString(), attributes());
        assertThat(parsed.root()).as(text.toString()).isEqualTo(condition);
    }

    @Property(tries = 300)
    void printedUpdatesParseBackToTheSameActions(@ForAll("updates") List<UpdateAction> actions) {
        String text = new ParsedUpdate(actions).print(false);
        ParsedUpdate parsed = (ParsedUpdate) Expressions.update(text, attributes());
        assertThat(parsed.actions()).as(text).isEqualTo(actions);
    }

    @Property(tries = 200)
    void printedProjectionsParseBackToTheSamePaths(@ForAll("separatePaths") List<DocumentPath> paths) {
        StringBuilder text = new StringBuilder();
        for (DocumentPath path : paths) {
            if (text.length() > 0) text.append(", ");
            path.print(text, false);
        }
        ParsedProjection parsed = (ParsedProjection) Expressions.projection(text.toString(), attributes());
        assertThat(parsed.documentPaths()).as(text.toString()).isEqualTo(paths);
    }

    // (2) precedence

    @Property(tries = 200)
    void andBindsTighterThanOr(@ForAll("leaves") ConditionNode a, @ForAll("leaves") ConditionNode b, @ForAll("leaves") ConditionNode c) {
        String x = text(a), y = text(b), z = text(c);
        assertThat(parse(x + " OR " + y + " AND " + z)).isEqualTo(parse(x + " OR (" + y + " AND " + z + ")"));
        assertThat(parse(x + " AND " + y + " OR " + z)).isEqualTo(parse("(" + x + " AND " + y + ") OR " + z));
    }

    @Property(tries = 200)
    void notBindsTighterThanAndAndOr(@ForAll("leaves") ConditionNode a, @ForAll("leaves") ConditionNode b) {
        String x = text(a), y = text(b);
        assertThat(parse("NOT " + x + " AND " + y)).isEqualTo(parse("(NOT " + x + ") AND " + y));
        assertThat(parse("NOT " + x + " OR " + y)).isEqualTo(parse("(NOT " + x + ") OR " + y));
        assertThat(parse("NOT " + x + " AND " + y)).isNotEqualTo(parse("NOT (" + x + " AND " + y + ")"));
    }

    // (3) every type survives JSON and equals itself in a condition

    @Property(tries = 500)
    void everyTypeRoundTripsThroughJsonAndEqualsItself(@ForAll("anyValue") Value value) {
        Value back = ValueJson.value(ValueJson.toJson(value));
        assertThat(back).isEqualTo(value);
        assertThat(back.hashCode()).isEqualTo(value.hashCode());
        Map<String, Value> item = Map.of("alpha", back);
        ExpressionAttributes attributes = new ExpressionAttributes(null, Map.of(":v", value));
        assertThat(Expressions.condition("alpha = :v", attributes).test(item)).isTrue();
        assertThat(Expressions.condition("alpha <> :v", attributes).test(item)).isFalse();
        assertThat(Expressions.condition("alpha IN (:v)", attributes).test(item)).isTrue();
    }

    // (4) AND, OR and NOT are Boolean logic

    sealed interface Formula {}

    record Exists(int field) implements Formula {}

    record IsOne(int field) implements Formula {}

    record All(Formula left, Formula right) implements Formula {}

    record Any(Formula left, Formula right) implements Formula {}

    record Negation(Formula formula) implements Formula {}

    @Property(tries = 500)
    void andOrNotAgreeWithJavaBooleanLogic(@ForAll("formulas") Formula formula, @ForAll("fieldValues") List<Integer> fields) {
        Map<String, Value> item = new LinkedHashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i) > 0) item.put("f" + i, Value.n(fields.get(i)));
        }
        Condition condition = Expressions.condition(render(formula), new ExpressionAttributes(null, Map.of(":one", Value.n(1))));
        assertThat(condition.test(item)).as(render(formula)).isEqualTo(evaluate(formula, item));
    }

    private static boolean evaluate(Formula formula, Map<String, Value> item) {
        if (formula instanceof Exists e) return item.containsKey("f" + e.field());
        if (formula instanceof IsOne o) return Value.n(1).equals(item.get("f" + o.field()));
        if (formula instanceof All a) return evaluate(a.left(), item) && evaluate(a.right(), item);
        if (formula instanceof Any a) return evaluate(a.left(), item) || evaluate(a.right(), item);
        return !evaluate(((Negation) formula).formula(), item);
    }

    private static String render(Formula formula) {
        if (formula instanceof Exists e) return "attribute_exists(f" + e.field() + ")";
        if (formula instanceof IsOne o) return "f" + o.field() + " = :one";
        if (formula instanceof All a) return "(" + render(a.left()) + " AND " + render(a.right()) + ")";
        if (formula instanceof Any a) return "(" + render(a.left()) + " or " + render(a.right()) + ")";
        return "NOT " + render(((Negation) formula).formula());
    }

    @Provide
    Arbitrary<Formula> formulas() {
        Arbitrary<Integer> field = Arbitraries.integers().between(0, 3);
        Arbitrary<Formula> leaf = Arbitraries.oneOf(field.map(Exists::new), field.map(IsOne::new));
        return Arbitraries.recursive(() -> leaf, inner -> Arbitraries.oneOf(
                Combinators.combine(inner, inner).as(All::new),
                Combinators.combine(inner, inner).as(Any::new),
                inner.map(Negation::new)), 0, 5);
    }

    @Provide
    Arbitrary<List<Integer>> fieldValues() {
        return Arbitraries.integers().between(0, 2).list().ofSize(4);
    }

    // generators of syntax trees

    @Provide
    Arbitrary<ConditionNode> conditions() {
        return Arbitraries.recursive(this::leaves, inner -> Arbitraries.oneOf(
                Combinators.combine(inner, inner).as(ConditionNode.And::new),
                Combinators.combine(inner, inner).as(ConditionNode.Or::new),
                inner.map(ConditionNode.Not::new)), 0, 4);
    }

    @Provide
    Arbitrary<ConditionNode> leaves() {
        Arbitrary<DocumentPath> path = paths();
        Arbitrary<Operand> operand = operands();
        Arbitrary<ConditionNode> comparison = Combinators.combine(Arbitraries.of(Comparator.class), operand, operand)
                .as((comparator, left, right) -> new ConditionNode.Comparison(comparator, left, distinct(left, right)));
        Arbitrary<ConditionNode> between = Combinators.combine(operand, path).as((op, p) ->
                new ConditionNode.Between(op, value(":lo"), value(":hi")));
        Arbitrary<ConditionNode> in = Combinators.combine(operand, operand.list().ofMinSize(1).ofMaxSize(4))
                .as(ConditionNode.In::new);
        return Arbitraries.oneOf(comparison, between, in,
                path.map(ConditionNode.AttributeExists::new),
                path.map(ConditionNode.AttributeNotExists::new),
                path.map(p -> new ConditionNode.AttributeType(p, value(":t"))),
                path.map(p -> new ConditionNode.BeginsWith(p, value(":s"))),
                Combinators.combine(path, operand).as((p, op) -> new ConditionNode.Contains(p, distinct(p, op))));
    }

    @Provide
    Arbitrary<List<UpdateAction>> updates() {
        Arbitrary<UpdateValue> simple = Arbitraries.oneOf(paths().map(p -> (UpdateValue) p),
                Arbitraries.of(":n", ":s", ":l").map(ExpressionProperties::value));
        // constants of the type each function takes, as the parser checks them
        Arbitrary<UpdateValue> number = Arbitraries.oneOf(paths().map(p -> (UpdateValue) p), Arbitraries.just(value(":n")));
        Arbitrary<UpdateValue> list = Arbitraries.oneOf(paths().map(p -> (UpdateValue) p), Arbitraries.just(value(":l")));
        Arbitrary<UpdateValue> setValue = Arbitraries.oneOf(simple,
                Combinators.combine(paths(), simple).as(UpdateValue.IfNotExists::new),
                Combinators.combine(list, list).as(UpdateValue.ListAppend::new),
                Combinators.combine(Arbitraries.of(true, false), number, number).as(UpdateValue.Arithmetic::new));
        return Combinators.combine(separatePaths(), setValue.list().ofSize(8), Arbitraries.integers().between(0, 3).list().ofSize(8))
                .as((paths, values, clauses) -> {
                    // each clause's actions contiguous, as the grammar has it
                    List<UpdateAction> actions = new ArrayList<>();
                    for (UpdateAction.Clause clause : UpdateAction.Clause.values()) {
                        for (int i = 0; i < paths.size(); i++) {
                            if (clauses.get(i) != clause.ordinal()) continue;
                            DocumentPath path = paths.get(i);
                            actions.add(switch (clause) {
                                case SET -> new UpdateAction.Set(path, values.get(i));
                                case REMOVE -> new UpdateAction.Remove(path);
                                case ADD -> new UpdateAction.Add(path, value(":n"));
                                case DELETE -> new UpdateAction.Delete(path, value(":ss"));
                            });
                        }
                    }
                    return actions;
                });
    }

    /** Up to 8 paths none of which overlaps or conflicts with another. */
    @Provide
    Arbitrary<List<DocumentPath>> separatePaths() {
        return paths().list().ofMinSize(1).ofMaxSize(8).map(candidates -> {
            List<DocumentPath> kept = new ArrayList<>();
            for (DocumentPath candidate : candidates) {
                boolean separate = kept.stream().allMatch(p ->
                        p.resolved().relationTo(candidate.resolved()) == AttributePath.Relation.DISJOINT);
                if (separate) kept.add(candidate);
            }
            return kept;
        });
    }

    private Arbitrary<Operand> operands() {
        return Arbitraries.oneOf(
                paths().map(p -> (Operand) p),
                Arbitraries.of(":n", ":s", ":lo", ":hi", ":b").map(ExpressionProperties::value),
                paths().map(Operand.Size::new));
    }

    private Arbitrary<DocumentPath> paths() {
        Arbitrary<DocumentPath.Segment> name = Arbitraries.oneOf(
                Arbitraries.of(PLAIN_NAMES).map(DocumentPath.Name::new),
                Arbitraries.of(NAMES.keySet()).map(p -> new DocumentPath.Placeholder(p, NAMES.get(p))));
        Arbitrary<DocumentPath.Segment> step = Arbitraries.oneOf(name, Arbitraries.integers().between(0, 20).map(DocumentPath.Index::new));
        return Combinators.combine(name, step.list().ofMaxSize(3)).as((first, rest) -> {
            List<DocumentPath.Segment> segments = new ArrayList<>();
            segments.add(first);
            segments.addAll(rest);
            return new DocumentPath(segments);
        });
    }

    /** AWS rejects a path compared with itself. */
    private static Operand distinct(Operand first, Operand second) {
        boolean same = first instanceof DocumentPath a && second instanceof DocumentPath b && a.resolved().equals(b.resolved());
        return same ? value(":n") : second;
    }

    private static ValueRef value(String placeholder) {
        return new ValueRef(placeholder, VALUES.get(placeholder));
    }

    // generators of values

    @Provide
    Arbitrary<Value> anyValue() {
        return Arbitraries.recursive(this::scalarsAndSets, inner -> Arbitraries.oneOf(
                inner.list().ofMaxSize(4).map(Value.L::new),
                Combinators.combine(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(6).list().ofMaxSize(4),
                        inner.list().ofSize(4)).as((keys, values) -> {
                            Map<String, Value> map = new LinkedHashMap<>();
                            for (int i = 0; i < keys.size(); i++) map.put(keys.get(i), values.get(i));
                            return (Value) new Value.M(map);
                        })), 0, 3);
    }

    private Arbitrary<Value> scalarsAndSets() {
        Arbitrary<String> strings = Arbitraries.strings().ofMaxLength(12);
        Arbitrary<BigDecimal> numbers = Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(-40, 40))
                .as((unscaled, scale) -> new BigDecimal(BigInteger.valueOf(unscaled), scale));
        Arbitrary<Value.Bytes> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(8).map(Value.Bytes::new);
        return Arbitraries.oneOf(
                strings.map(Value.S::new),
                numbers.map(Value.N::new),
                bytes.map(Value.B::new),
                Arbitraries.of(true, false).map(Value.Bool::new),
                Arbitraries.just(new Value.Null()),
                strings.set().ofMinSize(1).ofMaxSize(4).map(s -> (Value) new Value.SS(s)),
                numbers.set().ofMinSize(1).ofMaxSize(4).map(ExpressionProperties::numberSet),
                bytes.set().ofMinSize(1).ofMaxSize(4).map(b -> (Value) new Value.BS(b)));
    }

    /** 1 and 1.0 are one member of a number set; JSON would reject them as duplicates. */
    private static Value numberSet(Set<BigDecimal> numbers) {
        Set<BigDecimal> distinct = new LinkedHashSet<>();
        for (BigDecimal number : numbers) distinct.add(number.signum() == 0 ? BigDecimal.ZERO : number.stripTrailingZeros());
        return new Value.NS(distinct);
    }

    private static String text(ConditionNode node) {
        StringBuilder out = new StringBuilder();
        node.print(out, false);
        return out.toString();
    }

    private static ConditionNode parse(String text) {
        return ((ParsedCondition) Expressions.condition(text, attributes())).root();
    }
}
