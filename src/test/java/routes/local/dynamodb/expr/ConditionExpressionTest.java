package routes.local.dynamodb.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import routes.local.dynamodb.api.DynamoDbException;
import routes.local.dynamodb.value.Value;

/** Developer Guide, "Condition and filter expressions, operators and functions", unless a test says otherwise. */
class ConditionExpressionTest {

    private static final Map<String, Value> ITEM = item(
            "pk", s("order#1"),
            "qty", n(5),
            "price", n("9.50"),
            "title", s("widget"),
            "bin", b(1, 2, 3),
            "tags", ss("red", "blue"),
            "sizes", ns("1", "2"),
            "bins", bs(b(1), b(2)),
            "parts", list(s("a"), n(2), map("k", s("v"))),
            "address", map("city", s("Oslo"), "zip", n(150), "nested", list(n(1), n(2))),
            "flag", Value.bool(true),
            "nothing", Value.nul());

    private static boolean test(String expression, Object... placeholdersAndValues) {
        return Expressions.condition(expression, values(placeholdersAndValues)).test(ITEM);
    }

    private static String error(String expression, ExpressionAttributes attributes) {
        try {
            Expressions.condition(expression, attributes);
        } catch (DynamoDbException e) {
            assertThat(e.code()).isEqualTo("ValidationException");
            return e.getMessage();
        }
        throw new AssertionError("expected a ValidationException for " + expression);
    }

    private static String error(String expression, Object... placeholdersAndValues) {
        return error(expression, values(placeholdersAndValues));
    }

    @Test
    void comparatorsOrderNumbersStringsAndBinaries() {
        assertThat(test("qty = :v", ":v", n(5))).isTrue();
        assertThat(test("qty <> :v", ":v", n(5))).isFalse();
        assertThat(test("qty < :v", ":v", n(6))).isTrue();
        assertThat(test("qty <= :v", ":v", n(5))).isTrue();
        assertThat(test("qty > :v", ":v", n(5))).isFalse();
        assertThat(test("qty >= :v", ":v", n("5.0"))).isTrue();
        assertThat(test("price = :v", ":v", n("9.5"))).isTrue();
        assertThat(test("title < :v", ":v", s("wz"))).isTrue();
        assertThat(test("bin > :v", ":v", b(1, 2))).isTrue();
    }

    @Test
    void comparingValuesOfDifferentTypesIsFalseButNotEqualIsTrue() {
        assertThat(test("qty = :v", ":v", s("5"))).isFalse();
        assertThat(test("qty < :v", ":v", s("9"))).isFalse();
        assertThat(test("qty <> :v", ":v", s("5"))).isTrue();
    }

    @Test
    void aMissingAttributeMakesComparisonsFalseAndNotEqualTrue() {
        assertThat(test("absent = :v", ":v", n(1))).isFalse();
        assertThat(test("absent < :v", ":v", n(1))).isFalse();
        assertThat(test("absent >= :v", ":v", n(1))).isFalse();
        assertThat(test("absent <> :v", ":v", n(1))).isTrue();
        assertThat(test("absent BETWEEN :a AND :b", ":a", n(1), ":b", n(2))).isFalse();
        assertThat(test("absent IN (:a)", ":a", n(1))).isFalse();
    }

    @Test
    void documentsAndSetsCompareByValue() {
        assertThat(test("tags = :v", ":v", ss("blue", "red"))).isTrue();
        assertThat(test("address.nested = :v", ":v", list(n(1), n(2)))).isTrue();
        assertThat(test("parts[2] = :v", ":v", map("k", s("v")))).isTrue();
        assertThat(test("flag = :v", ":v", Value.bool(true))).isTrue();
        assertThat(test("nothing = :v", ":v", Value.nul())).isTrue();
    }

    @Test
    void nestedPathsReachIntoMapsAndLists() {
        assertThat(test("address.city = :v", ":v", s("Oslo"))).isTrue();
        assertThat(test("address.nested[1] = :v", ":v", n(2))).isTrue();
        assertThat(test("parts[0] = :v", ":v", s("a"))).isTrue();
        assertThat(test("parts[7] = :v", ":v", s("a"))).isFalse();
        assertThat(test("title.city = :v", ":v", s("Oslo"))).isFalse();
    }

    @Test
    void betweenIsInclusiveAndRequiresOrderedBoundsOfOneType() {
        assertThat(test("qty BETWEEN :a AND :b", ":a", n(5), ":b", n(9))).isTrue();
        assertThat(test("qty BETWEEN :a AND :b", ":a", n(1), ":b", n(5))).isTrue();
        assertThat(test("qty BETWEEN :a AND :b", ":a", n(6), ":b", n(9))).isFalse();
        assertThat(test("title between :a and :b", ":a", s("a"), ":b", s("z"))).isTrue();
        assertThat(error("qty BETWEEN :a AND :b", ":a", n(5), ":b", n(1))).isEqualTo(
                "Invalid ConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound; "
                        + "lower bound operand: AttributeValue: {N:5}, upper bound operand: AttributeValue: {N:1}");
        assertThat(error("qty BETWEEN :a AND :b", ":a", n(5), ":b", s("x"))).isEqualTo(
                "Invalid ConditionExpression: The BETWEEN operator requires same data type for lower and upper bounds; "
                        + "lower bound operand: AttributeValue: {N:5}, upper bound operand: AttributeValue: {S:x}");
    }

    @Test
    void inMatchesAnyOfItsOperandsUpToOneHundred() {
        assertThat(test("qty IN (:a, :b)", ":a", n(1), ":b", n(5))).isTrue();
        assertThat(test("qty in (:a)", ":a", n(1))).isFalse();
        assertThat(test("title IN (:a, pk)", ":a", s("x"))).isFalse();

        List<Object> hundred = new ArrayList<>();
        StringBuilder text = new StringBuilder("qty IN (");
        for (int i = 0; i < 101; i++) {
            if (i > 0) text.append(", ");
            text.append(":v").append(i);
            hundred.add(":v" + i);
            hundred.add(n(i));
        }
        String tooMany = text + ")";
        assertThat(error(tooMany, hundred.toArray())).isEqualTo(
                "Invalid ConditionExpression: The IN operator is provided with too many operands; number of operands: 101");
        String justEnough = tooMany.replace(", :v100", "");
        assertThat(Expressions.condition(justEnough, values(hundred.toArray())).test(ITEM)).isTrue();
    }

    @Test
    void attributeExistsAndNotExistsLookAtThePath() {
        assertThat(test("attribute_exists(pk)")).isTrue();
        assertThat(test("attribute_exists(address.city)")).isTrue();
        assertThat(test("attribute_exists(address.town)")).isFalse();
        assertThat(test("attribute_not_exists(absent)")).isTrue();
        assertThat(test("attribute_not_exists(parts[1])")).isFalse();
        assertThat(Expressions.condition("attribute_not_exists(pk)", ExpressionAttributes.none()).test(Map.of())).isTrue();
    }

    @Test
    void attributeTypeChecksEveryType() {
        Object[][] cases = {
                {"pk", "S"}, {"qty", "N"}, {"bin", "B"}, {"flag", "BOOL"}, {"nothing", "NULL"},
                {"parts", "L"}, {"address", "M"}, {"tags", "SS"}, {"sizes", "NS"}, {"bins", "BS"}};
        for (Object[] c : cases) {
            assertThat(test("attribute_type(" + c[0] + ", :t)", ":t", s((String) c[1]))).as("%s is %s", c[0], c[1]).isTrue();
            assertThat(test("attribute_type(" + c[0] + ", :t)", ":t", s("S".equals(c[1]) ? "N" : "S"))).isFalse();
        }
        assertThat(test("attribute_type(absent, :t)", ":t", s("S"))).isFalse();
    }

    @Test
    void attributeTypeRejectsAnUnknownTypeName() {
        assertThat(error("attribute_type(pk, :t)", ":t", s("STRING"))).isEqualTo(
                "Invalid ConditionExpression: Invalid attribute type name found; type: STRING, valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}");
        assertThat(error("attribute_type(pk, :t)", ":t", n(1))).isEqualTo(
                "Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: attribute_type, operand type: N");
    }

    @Test
    void beginsWithWorksOnStringsAndBinaries() {
        assertThat(test("begins_with(pk, :p)", ":p", s("order#"))).isTrue();
        assertThat(test("begins_with(pk, :p)", ":p", s("item#"))).isFalse();
        assertThat(test("begins_with(bin, :p)", ":p", b(1, 2))).isTrue();
        assertThat(test("begins_with(bin, :p)", ":p", b(2))).isFalse();
        assertThat(test("begins_with(qty, :p)", ":p", s("5"))).isFalse();
        assertThat(error("begins_with(pk, :p)", ":p", n(1))).isEqualTo(
                "Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N");
    }

    @Test
    void containsFindsSubstringsSetMembersAndListElements() {
        assertThat(test("contains(title, :v)", ":v", s("idg"))).isTrue();
        assertThat(test("contains(title, :v)", ":v", s("gadget"))).isFalse();
        assertThat(test("contains(tags, :v)", ":v", s("red"))).isTrue();
        assertThat(test("contains(tags, :v)", ":v", s("re"))).isFalse();
        assertThat(test("contains(sizes, :v)", ":v", n("2.0"))).isTrue();
        assertThat(test("contains(bins, :v)", ":v", b(2))).isTrue();
        assertThat(test("contains(parts, :v)", ":v", n(2))).isTrue();
        assertThat(test("contains(parts, :v)", ":v", map("k", s("v")))).isTrue();
        assertThat(test("contains(parts, :v)", ":v", s("b"))).isFalse();
        assertThat(test("contains(qty, :v)", ":v", n(5))).isFalse();
    }

    @Test
    void sizeMeasuresStringsBinariesAndCollections() {
        assertThat(test("size(title) = :v", ":v", n(6))).isTrue();
        assertThat(test("size(bin) = :v", ":v", n(3))).isTrue();
        assertThat(test("size(tags) = :v", ":v", n(2))).isTrue();
        assertThat(test("size(parts) = :v", ":v", n(3))).isTrue();
        assertThat(test("size(address) = :v", ":v", n(3))).isTrue();
        assertThat(test(":v < size(address.nested)", ":v", n(1))).isTrue();
        assertThat(test("size(qty) = :v", ":v", n(1))).isFalse();
        assertThat(test("size(absent) <> :v", ":v", n(1))).isTrue();
        assertThat(test("(size(title)) > :v", ":v", n(1))).isTrue();
    }

    @Test
    void sizeIsAnOperandAndNotACondition() {
        assertThat(error("size(title)")).isEqualTo(
                "Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: size");
        assertThat(error("attribute_exists(pk) AND size(title)")).isEqualTo(
                "Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: size");
        assertThat(error("size(:v) > :w", ":v", n(1), ":w", n(1))).isEqualTo(
                "Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: size, operand type: N");
    }

    @Test
    void conditionFunctionsAreNotOperands() {
        assertThat(error("attribute_exists(pk) = :v", ":v", Value.bool(true))).isEqualTo(
                "Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: attribute_exists");
        assertThat(error(":v = contains(title, :w)", ":v", Value.bool(true), ":w", s("x"))).isEqualTo(
                "Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: contains");
    }

    @Test
    void unknownAndUpdateOnlyFunctionsAreRejected() {
        assertThat(error("foo(pk)")).isEqualTo("Invalid ConditionExpression: Invalid function name; function: foo");
        assertThat(error("foo(pk) = :v", ":v", n(1))).isEqualTo("Invalid ConditionExpression: Invalid function name; function: foo");
        // function names are case-sensitive
        assertThat(error("ATTRIBUTE_EXISTS(pk)")).isEqualTo("Invalid ConditionExpression: Invalid function name; function: ATTRIBUTE_EXISTS");
        assertThat(error("if_not_exists(qty, :v) = :v", ":v", n(1))).isEqualTo(
                "Invalid ConditionExpression: The function is not allowed in a condition expression; function: if_not_exists");
    }

    @Test
    void functionsCountTheirOperands() {
        assertThat(error("attribute_exists(pk, qty)")).isEqualTo(
                "Invalid ConditionExpression: Incorrect number of operands for operator or function; operator or function: attribute_exists, number of operands: 2");
        assertThat(error("begins_with(pk)")).isEqualTo(
                "Invalid ConditionExpression: Incorrect number of operands for operator or function; operator or function: begins_with, number of operands: 1");
        assertThat(error("attribute_exists(:v)", ":v", n(1))).isEqualTo(
                "Invalid ConditionExpression: Operator or function requires a document path; operator or function: attribute_exists");
    }

    @Test
    void aPathComparedWithItselfIsRejected() {
        assertThat(error("qty = qty")).isEqualTo("Invalid ConditionExpression: The first operand must be distinct from the remaining "
                + "operands for this operator or function; operator: =, first operand: [qty]");
    }

    @Test
    void andBindsTighterThanOrAndNotTighterThanAnd() {
        // true OR (false AND false) is true; (true OR false) AND false would be false
        assertThat(test("qty = :five OR qty = :six AND qty = :seven", ":five", n(5), ":six", n(6), ":seven", n(7))).isTrue();
        assertThat(test("(qty = :five OR qty = :six) AND qty = :seven", ":five", n(5), ":six", n(6), ":seven", n(7))).isFalse();
        // (NOT true) AND false is false; NOT (true AND false) would be true
        assertThat(test("NOT qty = :five AND qty = :six", ":five", n(5), ":six", n(6))).isFalse();
        assertThat(test("NOT (qty = :five AND qty = :six)", ":five", n(5), ":six", n(6))).isTrue();
        assertThat(test("not not attribute_exists(pk)")).isTrue();
    }

    @Test
    void keywordsIgnoreCase() {
        assertThat(test("qty between :a and :b or NOT attribute_exists(pk)", ":a", n(1), ":b", n(9))).isTrue();
        assertThat(test("qty In (:a) AnD attribute_exists(pk)", ":a", n(5))).isTrue();
    }

    @Test
    void syntaxErrorsQuoteTheTokenAndWhatSurroundsIt() {
        assertThat(error("a-b")).isEqualTo("Invalid ConditionExpression: Syntax error; token: \"-\", near: \"a-b\"");
        assertThat(error("attribute_exists(pk) AND NOT #x", attributes(names("#x", "x"))))
                .isEqualTo("Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"#x\"");
        assertThat(error("qty = ")).isEqualTo("Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"=\"");
        assertThat(error("qty = :v AND", ":v", n(1))).isEqualTo("Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"AND\"");
        assertThat(error("(qty = :v", ":v", n(1))).isEqualTo("Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \":v\"");
        assertThat(error("qty == :v", ":v", n(1))).isEqualTo("Invalid ConditionExpression: Syntax error; token: \"=\", near: \"==:v\"".replace("==:v", "== :v"));
        assertThat(error("parts[x] = :v", ":v", n(1))).isEqualTo("Invalid ConditionExpression: Syntax error; token: \"x\", near: \"[x]\"");
        assertThat(error("qty = :v )", ":v", n(1))).isEqualTo("Invalid ConditionExpression: Syntax error; token: \")\", near: \":v )\"");
    }

    @Test
    void namesWithOtherCharactersNeedAPlaceholder() {
        assertThat(error("order-id = :v", ":v", n(1))).isEqualTo("Invalid ConditionExpression: Syntax error; token: \"-\", near: \"order-id\"");
        assertThat(error("1st = :v", ":v", n(1))).startsWith("Invalid ConditionExpression: Syntax error; token: \"1\"");
        Condition dotted = Expressions.condition("#k = :v", attributes(names("#k", "order.id"), ":v", n(1)));
        assertThat(dotted.test(item("order.id", n(1)))).isTrue();
        assertThat(dotted.test(item("order", map("id", n(1))))).isFalse();
    }

    @Test
    void anEmptyExpressionIsRejected() {
        assertThat(error("")).isEqualTo("Invalid ConditionExpression: The expression can not be empty;");
    }

    @Test
    void anExpressionOfMoreThanFourKilobytesIsRejected() {
        // Developer Guide, "Service, account, and table quotas": expression parameters are at most 4 KB
        String longName = "a".repeat(4090);
        assertThat(test(longName + " = :v", ":v", n(1))).isFalse();
        assertThat(error(longName + "xy = :v", ":v", n(1))).isEqualTo(
                "Invalid ConditionExpression: Expression size has exceeded the maximum allowed size; expression size: 4097");
    }

    @Test
    void moreThanThreeHundredOperatorsAreRejected() {
        // Developer Guide, "Service, account, and table quotas": 300 operators or functions per expression
        String many = "NOT ".repeat(299) + "qty = :v";
        assertThat(test(many, ":v", n(5))).isFalse();
        assertThat(error("NOT " + many, ":v", n(5)))
                .isEqualTo("Invalid ConditionExpression: The expression contains too many operators; operator count: 301");
        assertThat(error("(".repeat(400) + "qty = :v" + ")".repeat(400), ":v", n(5)))
                .isEqualTo("Invalid ConditionExpression: The expression has redundant parentheses;");
    }

    @Test
    void filterExpressionsNameTheirParameterInErrors() {
        assertThatThrownBy(() -> Expressions.filter("a-b", ExpressionAttributes.none()))
                .hasMessage("Invalid FilterExpression: Syntax error; token: \"-\", near: \"a-b\"");
        assertThat(Expressions.filter("qty > :v", values(":v", n(1))).test(ITEM)).isTrue();
    }

    @Test
    void redundantParenthesesAreRejected() {
        // the same rejection AWS gives "((a = :v))"
        assertThat(error("((qty = :v))", ":v", n(1))).isEqualTo("Invalid ConditionExpression: The expression has redundant parentheses;");
        assertThat(error("((qty)) = :v", ":v", n(1))).isEqualTo("Invalid ConditionExpression: The expression has redundant parentheses;");
        assertThat(test("(qty = :v)", ":v", n(5))).isTrue();
        assertThat(test("((qty = :v) AND (pk = :p))", ":v", n(5), ":p", s("order#1"))).isTrue();
    }

    @Test
    void placeholdersResolveAndUndefinedOnesAreRejected() {
        ExpressionAttributes attributes = attributes(names("#q", "qty", "#i", "address"), ":v", n(5));
        assertThat(Expressions.condition("#q = :v AND attribute_exists(#i.city)", attributes).test(ITEM)).isTrue();
        assertThat(error("#x = :v", ":v", n(1))).isEqualTo(
                "Invalid ConditionExpression: An expression attribute name used in the document path is not defined; attribute name: #x");
        assertThat(error("qty = :x")).isEqualTo(
                "Invalid ConditionExpression: An expression attribute value used in expression is not defined; attribute value: :x");
    }

    @Test
    void toStringShowsWhatPlaceholdersStandFor() {
        Condition condition = Expressions.condition("attribute_not_exists(pk) AND #v = :v", attributes(names("#v", "version"), ":v", n(3)));
        assertThat(condition.toString()).isEqualTo("Condition[attribute_not_exists(pk) AND #v(version) = :v(N(3))]");
    }
}
