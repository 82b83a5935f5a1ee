package routes.local.dynamodb.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static routes.local.dynamodb.expr.TestValues.attributes;
import static routes.local.dynamodb.expr.TestValues.b;
import static routes.local.dynamodb.expr.TestValues.bs;
import static routes.local.dynamodb.expr.TestValues.item;
import static routes.local.dynamodb.expr.TestValues.list;
import static routes.local.dynamodb.expr.TestValues.map;
import static routes.local.dynamodb.expr.TestValues.n;
import static routes.local.dynamodb.expr.TestValues.names;
import static routes.local.dynamodb.expr.TestValues.ns;
import static routes.local.dynamodb.expr.TestValues.s;
import static routes.local.dynamodb.expr.TestValues.ss;
import static routes.local.dynamodb.expr.TestValues.values;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import routes.local.dynamodb.api.DynamoDbException;
import routes.local.dynamodb.value.Value;

/** Developer Guide, "Update expressions", unless a test says otherwise. */
class UpdateExpressionTest {

    private static final Map<String, Value> ITEM = item(
            "pk", s("order#1"),
            "qty", n(5),
            "title", s("widget"),
            "tags", ss("red", "blue"),
            "sizes", ns("1", "2"),
            "bins", bs(b(1), b(2)),
            "parts", list(s("a"), s("b"), s("c")),
            "address", map("city", s("Oslo"), "lines", list(s("x"))));

    private static Update.Result apply(String expression, Object... placeholdersAndValues) {
        return Expressions.update(expression, values(placeholdersAndValues)).apply(ITEM);
    }

    private static Map<String, Value> applied(String expression, Object... placeholdersAndValues) {
        return apply(expression, placeholdersAndValues).item();
    }

    private static String parseError(String expression, Object... placeholdersAndValues) {
        try {
            Expressions.update(expression, values(placeholdersAndValues));
        } catch (DynamoDbException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected a ValidationException for " + expression);
    }

    private static String applyError(String expression, Object... placeholdersAndValues) {
        Update update = Expressions.update(expression, values(placeholdersAndValues));
        try {
            update.apply(ITEM);
        } catch (DynamoDbException e) {
            assertThat(e.code()).isEqualTo("ValidationException");
            return e.getMessage();
        }
        throw new AssertionError("expected a ValidationException applying " + expression);
    }

    private static AttributePath path(Object... elements) {
        return new AttributePath(java.util.Arrays.stream(elements)
                .map(e -> e instanceof Integer i ? (AttributePath.Element) new AttributePath.Index(i) : new AttributePath.Key((String) e))
                .toList());
    }

    @Test
    void setWritesTopLevelAndNestedAttributes() {
        Map<String, Value> updated = applied("SET title = :t, address.city = :c, address.zip = :z, parts[1] = :p",
                ":t", s("gadget"), ":c", s("Bergen"), ":z", n(5000), ":p", s("B"));
        assertThat(updated.get("title")).isEqualTo(s("gadget"));
        assertThat(updated.get("address")).isEqualTo(map("city", s("Bergen"), "lines", list(s("x")), "zip", n(5000)));
        assertThat(updated.get("parts")).isEqualTo(list(s("a"), s("B"), s("c")));
        assertThat(ITEM.get("title")).as("the item handed in is not changed").isEqualTo(s("widget"));
    }

    @Test
    void setValuesComeFromTheItemBeforeTheUpdate() {
        Map<String, Value> updated = applied("SET qty = :n, previous = qty", ":n", n(9));
        assertThat(updated.get("qty")).isEqualTo(n(9));
        assertThat(updated.get("previous")).isEqualTo(n(5));
    }

    @Test
    void setPastTheEndOfAListAppendsInIndexOrder() {
        Update.Result result = apply("SET parts[9] = :y, parts[7] = :x", ":x", s("x"), ":y", s("y"));
        assertThat(result.item().get("parts")).isEqualTo(list(s("a"), s("b"), s("c"), s("x"), s("y")));
        assertThat(result.updatedPaths()).containsExactlyInAnyOrder(path("parts", 3), path("parts", 4));
    }

    @Test
    void arithmeticAddsAndSubtractsNumbers() {
        assertThat(applied("SET qty = qty + :one", ":one", n(1)).get("qty")).isEqualTo(n(6));
        assertThat(applied("SET qty = qty - :half", ":half", n("0.5")).get("qty")).isEqualTo(n("4.5"));
        assertThat(applied("SET summed = :a + :b", ":a", n(2), ":b", n(3)).get("summed")).isEqualTo(n(5));
    }

    @Test
    void arithmeticKeepsThirtyEightDigitsAndRejectsMore() {
        String big = "9".repeat(38);
        assertThat(applied("SET qty = :a - :b", ":a", n(big), ":b", n(big)).get("qty")).isEqualTo(n(0));
        // Developer Guide, "Supported data types": numbers have up to 38 digits of precision
        assertThat(applyError("SET qty = :a + :b", ":a", n("1" + "0".repeat(37)), ":b", n("0.1")))
                .isEqualTo("Attempting to store more than 38 significant digits in a Number");
        assertThat(applyError("SET qty = :a + :b", ":a", n("9.9E+125"), ":b", n("9.9E+125")))
                .isEqualTo("Number overflow. Attempting to store a number with magnitude larger than supported range");
    }

    @Test
    void arithmeticOnAMissingAttributeOrANonNumberIsRejected() {
        assertThat(applyError("SET qty = absent + :one", ":one", n(1)))
                .isEqualTo("The provided expression refers to an attribute that does not exist in the item");
        assertThat(applyError("SET qty = title + :one", ":one", n(1)))
                .isEqualTo("An operand in the update expression has an incorrect data type");
        assertThat(parseError("SET qty = qty + :s", ":s", s("1")))
                .isEqualTo("Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: +, operand type: S");
    }

    @Test
    void setValuesTakeOnePairOfParenthesesAndOperandsAnother() {
        assertThat(applied("SET qty = (qty + :one)", ":one", n(1)).get("qty")).isEqualTo(n(6));
        assertThat(applied("SET qty = (qty) - (:one)", ":one", n(1)).get("qty")).isEqualTo(n(4));
        assertThat(applied("SET qty = ((:one))", ":one", n(1)).get("qty")).isEqualTo(n(1));
        assertThat(parseError("SET qty = (((:one)))", ":one", n(1)))
                .isEqualTo("Invalid UpdateExpression: Syntax error; token: \"(\", near: \"((:one\"");
        assertThat(parseError("SET qty = qty + :one + :one", ":one", n(1)))
                .isEqualTo("Invalid UpdateExpression: Syntax error; token: \"+\", near: \":one + :one\"");
    }

    @Test
    void ifNotExistsKeepsAnExistingValue() {
        assertThat(applied("SET qty = if_not_exists(qty, :zero)", ":zero", n(0)).get("qty")).isEqualTo(n(5));
        assertThat(applied("SET hits = if_not_exists(hits, :zero) + :one", ":zero", n(0), ":one", n(1)).get("hits")).isEqualTo(n(1));
        assertThat(parseError("SET qty = if_not_exists(:v, :v)", ":v", n(0))).isEqualTo(
                "Invalid UpdateExpression: Operator or function requires a document path; operator or function: if_not_exists");
    }

    @Test
    void listAppendJoinsLists() {
        assertThat(applied("SET parts = list_append(parts, :more)", ":more", list(s("d"))).get("parts"))
                .isEqualTo(list(s("a"), s("b"), s("c"), s("d")));
        assertThat(applied("SET parts = list_append(:first, parts)", ":first", list(s("z"))).get("parts"))
                .isEqualTo(list(s("z"), s("a"), s("b"), s("c")));
        assertThat(applyError("SET title = list_append(title, :more)", ":more", list(s("d"))))
                .isEqualTo("An operand in the update expression has an incorrect data type");
        assertThat(parseError("SET parts = list_append(parts, :s)", ":s", s("d"))).isEqualTo(
                "Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: list_append, operand type: S");
    }

    @Test
    void setThroughAMissingMapIsInvalidForUpdate() {
        assertThat(applyError("SET absent.deep = :v", ":v", n(1)))
                .isEqualTo("The document path provided in the update expression is invalid for update");
        assertThat(applyError("SET title.deep = :v", ":v", n(1)))
                .isEqualTo("The document path provided in the update expression is invalid for update");
        assertThat(applyError("SET address[0] = :v", ":v", n(1)))
                .isEqualTo("The document path provided in the update expression is invalid for update");
    }

    @Test
    void removeDeletesAttributesAndShiftsListElements() {
        Update.Result result = apply("REMOVE title, parts[0], parts[1], address.city, absent");
        assertThat(result.item()).doesNotContainKeys("title", "absent");
        assertThat(result.item().get("parts")).isEqualTo(list(s("c")));
        assertThat(result.item().get("address")).isEqualTo(map("lines", list(s("x"))));
        assertThat(result.updatedPaths()).containsExactlyInAnyOrder(
                path("title"), path("parts", 0), path("parts", 1), path("address", "city"));
    }

    @Test
    void removeThroughAMissingMapIsInvalidButAMissingLeafIsFine() {
        assertThat(applyError("REMOVE absent.deep")).isEqualTo("The document path provided in the update expression is invalid for update");
        assertThat(apply("REMOVE address.absent, parts[9]").item()).isEqualTo(ITEM);
    }

    @Test
    void addSumsNumbersUnitesSetsAndCreatesMissingAttributes() {
        Map<String, Value> updated = applied("ADD qty :n, tags :t, sizes :s, bins :b, fresh :n, newset :t",
                ":n", n(2), ":t", ss("green", "red"), ":s", ns("3"), ":b", bs(b(3)));
        assertThat(updated.get("qty")).isEqualTo(n(7));
        assertThat(updated.get("tags")).isEqualTo(ss("red", "blue", "green"));
        assertThat(updated.get("sizes")).isEqualTo(ns("1", "2", "3"));
        assertThat(updated.get("bins")).isEqualTo(bs(b(1), b(2), b(3)));
        assertThat(updated.get("fresh")).isEqualTo(n(2));
        assertThat(updated.get("newset")).isEqualTo(ss("green", "red"));
    }

    @Test
    void addRejectsMismatchedTypes() {
        assertThat(applyError("ADD tags :n", ":n", n(1))).isEqualTo("An operand in the update expression has an incorrect data type");
        assertThat(applyError("ADD sizes :t", ":t", ss("x"))).isEqualTo("An operand in the update expression has an incorrect data type");
        assertThat(parseError("ADD title :s", ":s", s("x"))).isEqualTo(
                "Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: STRING");
    }

    @Test
    void deleteRemovesSetMembersAndAnEmptiedSet() {
        Map<String, Value> updated = applied("DELETE tags :red, sizes :all, absent :red", ":red", ss("red"), ":all", ns("1", "2"));
        assertThat(updated.get("tags")).isEqualTo(ss("blue"));
        assertThat(updated).doesNotContainKeys("sizes", "absent");
        assertThat(applyError("DELETE tags :n", ":n", ns("1"))).isEqualTo("An operand in the update expression has an incorrect data type");
        assertThat(parseError("DELETE qty :n", ":n", n(1))).isEqualTo(
                "Invalid UpdateExpression: Incorrect operand type for operator or function; operator: DELETE, operand type: NUMBER");
    }

    @Test
    void clausesCombineInAnyOrderButEachOnlyOnce() {
        Map<String, Value> updated = applied("remove title add qty :n SET flag = :f delete tags :t",
                ":n", n(1), ":f", Value.bool(true), ":t", ss("red"));
        assertThat(updated).doesNotContainKey("title").containsEntry("qty", n(6)).containsEntry("flag", Value.bool(true));
        assertThat(parseError("SET a = :v SET b = :v", ":v", n(1)))
                .isEqualTo("Invalid UpdateExpression: The \"SET\" section can only be used once in an update expression;");
        assertThat(parseError("REMOVE a REMOVE b"))
                .isEqualTo("Invalid UpdateExpression: The \"REMOVE\" section can only be used once in an update expression;");
    }

    @Test
    void overlappingOrConflictingPathsAreRejected() {
        assertThat(parseError("SET a = :v REMOVE a.b", ":v", n(1))).isEqualTo("Invalid UpdateExpression: Two document paths overlap with "
                + "each other; must remove or rewrite one of these paths; path one: [a], path two: [a, b]");
        assertThat(parseError("SET a = :v, a = :v", ":v", n(1))).isEqualTo("Invalid UpdateExpression: Two document paths overlap with "
                + "each other; must remove or rewrite one of these paths; path one: [a], path two: [a]");
        assertThat(parseError("SET a[1] = :v REMOVE a.b", ":v", n(1))).isEqualTo("Invalid UpdateExpression: Two document paths conflict with "
                + "each other; must remove or rewrite one of these paths; path one: [a, [1]], path two: [a, b]");
        assertThat(apply("SET a1 = :v, a2 = :v", ":v", n(1)).item()).containsKeys("a1", "a2");
    }

    @Test
    void syntaxAndFunctionErrorsAreWordedAsAws() {
        assertThat(parseError("INVALID SYNTAX HERE")).isEqualTo("Invalid UpdateExpression: Syntax error; token: \"INVALID\", near: \"INVALID SYNTAX\"");
        assertThat(parseError("SET a :v", ":v", n(1))).isEqualTo("Invalid UpdateExpression: Syntax error; token: \":v\", near: \"a :v\"");
        assertThat(parseError("SET a = foo(:v)", ":v", n(1))).isEqualTo("Invalid UpdateExpression: Invalid function name; function: foo");
        assertThat(parseError("SET a = size(b)")).isEqualTo(
                "Invalid UpdateExpression: The function is not allowed in an update expression; function: size");
        assertThat(parseError("SET a = list_append(b)")).isEqualTo("Invalid UpdateExpression: Incorrect number of operands for operator "
                + "or function; operator or function: list_append, number of operands: 1");
        assertThat(parseError("")).isEqualTo("Invalid UpdateExpression: The expression can not be empty;");
        assertThat(parseError("SET status = :v", ":v", n(1)))
                .isEqualTo("Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: status");
        assertThat(parseError("SET a = :x")).isEqualTo(
                "Invalid UpdateExpression: An expression attribute value used in expression is not defined; attribute value: :x");
    }

    @Test
    void placeholderNamesMayHoldDots() {
        Update update = Expressions.update("SET #k = :v, #m.#k = :v", attributes(names("#k", "a.b", "#m", "address"), ":v", n(1)));
        Map<String, Value> updated = update.apply(ITEM).item();
        assertThat(updated.get("a.b")).isEqualTo(n(1));
        assertThat(((Value.M) updated.get("address")).values()).containsEntry("a.b", n(1));
        assertThat(update.paths()).containsExactly(path("a.b"), path("address", "a.b"));
    }

    @Test
    void updatedPathsNameWhatWasSetOrRemoved() {
        Update.Result result = apply("SET qty = :n REMOVE absent, title ADD visits :n", ":n", n(1));
        assertThat(result.updatedPaths()).containsExactlyInAnyOrder(path("qty"), path("title"), path("visits"));
    }

    @Test
    void applyingToNoItemStartsFromAnEmptyOne() {
        Update.Result result = Expressions.update("SET a = :v ADD c :n", values(":v", s("x"), ":n", n(1))).apply(Map.of());
        assertThat(result.item()).isEqualTo(item("a", s("x"), "c", n(1)));
    }

    @Test
    void toStringShowsTheClausesAndWhatPlaceholdersStandFor() {
        Update update = Expressions.update("SET #a = :v REMOVE b", attributes(names("#a", "a"), ":v", n(1)));
        assertThat(update.toString()).isEqualTo("Update[SET #a(a) = :v(N(1)) REMOVE b]");
        assertThat(update.paths()).isEqualTo(List.of(path("a"), path("b")));
    }
}
