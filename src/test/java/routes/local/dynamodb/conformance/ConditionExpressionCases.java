package routes.local.dynamodb.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static routes.local.dynamodb.conformance.Attributes.b;
import static routes.local.dynamodb.conformance.Attributes.bool;
import static routes.local.dynamodb.conformance.Attributes.item;
import static routes.local.dynamodb.conformance.Attributes.l;
import static routes.local.dynamodb.conformance.Attributes.m;
import static routes.local.dynamodb.conformance.Attributes.n;
import static routes.local.dynamodb.conformance.Attributes.ns;
import static routes.local.dynamodb.conformance.Attributes.nul;
import static routes.local.dynamodb.conformance.Attributes.s;
import static routes.local.dynamodb.conformance.Attributes.ss;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The condition expression grammar, evaluated against one fixed item: a case rewrites the item
 * unchanged under the condition, so the write succeeds exactly when the condition holds.
 */
abstract class ConditionExpressionCases extends ConformanceCases {

    static final Map<String, AttributeValue> SUBJECT = item(
            "pk", s("subject"),
            "n", n(5),
            "s", s("apple pie"),
            "bin", b(1, 2),
            "flag", bool(true),
            "nothing", nul(),
            "l", l(n(1), s("two"), m("deep", n(3))),
            "m", m("child", m("deep", n(7)), "a", s("x")),
            "colours", ss("red", "green"),
            "nums", ns("1", "2", "3"),
            "status", s("active"));

    /** Every :name a case may use; each case sends only the ones it names. */
    static final Map<String, AttributeValue> VALUES = Map.ofEntries(
            Map.entry(":one", n(1)), Map.entry(":three", n(3)), Map.entry(":four", n(4)), Map.entry(":five", n(5)),
            Map.entry(":six", n(6)), Map.entry(":seven", n(7)), Map.entry(":nine", n(9)), Map.entry(":two", n(2)),
            Map.entry(":fivePointZero", n("5.00")), Map.entry(":fiveText", s("5")),
            Map.entry(":banana", s("banana")), Map.entry(":app", s("app")), Map.entry(":pie", s("pie")),
            Map.entry(":apple", s("apple pie")), Map.entry(":red", s("red")), Map.entry(":blue", s("blue")),
            Map.entry(":twoText", s("two")), Map.entry(":x", s("x")), Map.entry(":active", s("active")),
            Map.entry(":N", s("N")), Map.entry(":S", s("S")), Map.entry(":SS", s("SS")), Map.entry(":NS", s("NS")),
            Map.entry(":L", s("L")), Map.entry(":M", s("M")), Map.entry(":B", s("B")), Map.entry(":BOOL", s("BOOL")),
            Map.entry(":NULL", s("NULL")), Map.entry(":true", bool(true)), Map.entry(":bin12", b(1, 2)), Map.entry(":bin13", b(1, 3)),
            Map.entry(":nums321", ns("3", "2", "1")), Map.entry(":colours", ss("green", "red")),
            Map.entry(":deep", m("deep", n(3))));

    private static final Pattern VALUE_REF = Pattern.compile(":[A-Za-z0-9]+");
    private static final Pattern NAME_REF = Pattern.compile("#[A-Za-z0-9]+");

    String table;

    @BeforeAll
    void createSubject() {
        table = tables.hashTable("pk", ScalarAttributeType.S);
        ddb.putItem(b -> b.tableName(table).item(SUBJECT));
    }

    /** True when a conditional rewrite of the unchanged subject succeeds. */
    boolean holds(String condition) {
        PutItemRequest.Builder request = PutItemRequest.builder().tableName(table).item(SUBJECT).conditionExpression(condition);
        Map<String, AttributeValue> values = new HashMap<>();
        Matcher valueRefs = VALUE_REF.matcher(condition);
        while (valueRefs.find()) {
            values.put(valueRefs.group(), VALUES.get(valueRefs.group()));
        }
        if (!values.isEmpty()) {
            request.expressionAttributeValues(values);
        }
        Map<String, String> names = new HashMap<>();
        Matcher nameRefs = NAME_REF.matcher(condition);
        while (nameRefs.find()) {
            names.put(nameRefs.group(), nameRefs.group().substring(1));
        }
        if (!names.isEmpty()) {
            request.expressionAttributeNames(names);
        }
        try {
            ddb.putItem(request.build());
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @ParameterizedTest(name = "{0} is {1}")
    @DisplayName("Comparators = <> < <= > >= on numbers, strings and binaries (Developer Guide: Condition expressions, comparison operators)")
    @CsvSource(delimiter = '|', value = {
            "n = :five             | true",
            "n <> :five            | false",
            "n < :six              | true",
            "n <= :five            | true",
            "n > :four             | true",
            "n >= :six             | false",
            "n = :fivePointZero    | true",
            "s < :banana           | true",
            "s > :app              | true",
            "bin = :bin12          | true",
            "flag = :true          | true",
            "nums = :nums321       | true",
            "colours = :colours    | true",
            "bin < :bin13          | true"})
    void comparators(String condition, boolean expected) {
        assertThat(holds(condition)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @DisplayName("= and <> compare lists and maps by value (API Reference: Condition, EQ/NE: supported for all data types, including lists and maps)")
    @DynaliteDiffers("dynalite 4.0.0 finds a map equal to an identical map false; AWS: EQ is supported for all data types, including lists and maps (API Reference: Condition)")
    @CsvSource(delimiter = '|', value = {
            "l[2] = :deep    | true",
            "l[2] <> :deep   | false"})
    void documentEquality(String condition, boolean expected) {
        assertThat(holds(condition)).isEqualTo(expected);
    }

    @Test
    @DisplayName("Redundant parentheses around a whole condition are a ValidationException (Developer Guide: Condition expressions, syntax)")
    void redundantParenthesesAreRejected() {
        var error = validationError(() -> holds("((n = :five))"));
        assertThat(error.awsErrorDetails().errorMessage()).contains("redundant parentheses");
    }

    @ParameterizedTest(name = "{0} is {1}")
    @DisplayName("Comparing values of different types is false, not an error (Developer Guide: Comparison operator and function reference)")
    @CsvSource(delimiter = '|', value = {
            "n = :fiveText    | false",
            "s < :five        | false",
            "s > :five        | false",
            "s >= :five       | false",
            "n <> :fiveText   | true"})
    void differentTypes(String condition, boolean expected) {
        assertThat(holds(condition)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @DisplayName("A comparison with a missing attribute is false, except <> (Developer Guide: Comparison operator and function reference)")
    @CsvSource(delimiter = '|', value = {
            "ghost = :five    | false",
            "ghost < :five    | false",
            "ghost <> :five   | true"})
    void missingAttribute(String condition, boolean expected) {
        assertThat(holds(condition)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @DisplayName("BETWEEN is inclusive and IN matches any listed value (Developer Guide: Comparison operator and function reference)")
    @CsvSource(delimiter = '|', value = {
            "n BETWEEN :four AND :six     | true",
            "n BETWEEN :five AND :five    | true",
            "n BETWEEN :six AND :seven    | false",
            "s BETWEEN :app AND :banana   | true",
            "n IN (:one, :five)           | true",
            "n IN (:one, :two, :three)    | false",
            "s IN (:banana, :apple)       | true"})
    void betweenAndIn(String condition, boolean expected) {
        assertThat(holds(condition)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @DisplayName("NOT binds tighter than AND, AND tighter than OR; parentheses override (Developer Guide: Comparison operator and function reference, precedence)")
    @CsvSource(delimiter = '|', value = {
            "n = :five AND s = :banana                | false",
            "n = :five OR s = :banana                 | true",
            "NOT n = :five                            | false",
            "n = :five OR n = :one AND s = :banana    | true",
            "(n = :five OR n = :one) AND s = :banana  | false",
            "NOT n = :one AND s = :banana             | false",
            "NOT (n = :one AND s = :banana)           | true",
            "(n = :five)                              | true"})
    void precedence(String condition, boolean expected) {
        assertThat(holds(condition)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @DisplayName("attribute_exists, attribute_not_exists and attribute_type (Developer Guide: Comparison operator and function reference, functions)")
    @CsvSource(delimiter = '|', value = {
            "attribute_exists(n)                 | true",
            "attribute_exists(ghost)           | false",
            "attribute_not_exists(ghost)       | true",
            "attribute_not_exists(s)             | false",
            "attribute_exists(m.child.deep)      | true",
            "attribute_exists(l[5])              | false",
            "attribute_type(n, :N)               | true",
            "attribute_type(s, :N)               | false",
            "attribute_type(s, :S)               | true",
            "attribute_type(colours, :SS)        | true",
            "attribute_type(nums, :NS)           | true",
            "attribute_type(l, :L)               | true",
            "attribute_type(m, :M)               | true",
            "attribute_type(bin, :B)             | true",
            "attribute_type(flag, :BOOL)         | true",
            "attribute_type(nothing, :NULL)      | true"})
    void existenceAndType(String condition, boolean expected) {
        assertThat(holds(condition)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @DisplayName("begins_with, contains (substring, set member, list element) and size (Developer Guide: Comparison operator and function reference, functions)")
    @CsvSource(delimiter = '|', value = {
            "begins_with(s, :app)        | true",
            "begins_with(s, :pie)        | false",
            "contains(s, :pie)           | true",
            "contains(s, :banana)        | false",
            "contains(colours, :red)     | true",
            "contains(colours, :blue)    | false",
            "contains(nums, :two)        | true",
            "contains(l, :twoText)       | true",
            "size(s) = :nine             | true",
            "size(l) = :three            | true",
            "size(m) = :two              | true",
            "size(colours) = :two        | true",
            "size(bin) = :two            | true",
            "size(nums) > :two           | true",
            "size(ghost) = :one          | false",
            "begins_with(n, :app)        | false",
            "contains(n, :five)          | false"})
    void functions(String condition, boolean expected) {
        assertThat(holds(condition)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @DisplayName("Nested map paths and list indexes in conditions (Developer Guide: Specifying item attributes, document paths)")
    @CsvSource(delimiter = '|', value = {
            "m.child.deep = :seven    | true",
            "m.a = :x                 | true",
            "l[0] = :one              | true",
            "l[2].deep = :three       | true",
            "l[1] = :one              | false"})
    void documentPaths(String condition, boolean expected) {
        assertThat(holds(condition)).isEqualTo(expected);
    }

    @Test
    @DisplayName("A reserved word used as a name without a #placeholder is a ValidationException (Developer Guide: Reserved words)")
    void reservedWordIsRejected() {
        var error = validationError(() -> holds("status = :active"));
        assertThat(error.awsErrorDetails().errorMessage()).contains("reserved keyword").contains("status");
    }

    @Test
    @DisplayName("A reserved word behind a #name placeholder is accepted (Developer Guide: Expression attribute names)")
    void reservedWordThroughPlaceholder() {
        assertThat(holds("#status = :active")).isTrue();
    }

    @Test
    @DisplayName("An unused ExpressionAttributeValues entry is a ValidationException (Developer Guide: Expression attribute values)")
    void unusedValueIsRejected() {
        var error = validationError(() -> ddb.putItem(b -> b.tableName(table).item(SUBJECT).conditionExpression("n = :five")
                .expressionAttributeValues(Map.of(":five", n(5), ":unused", n(1)))));
        assertThat(error.awsErrorDetails().errorMessage()).contains("unused in expressions").contains(":unused");
    }

    @Test
    @DisplayName("An unused ExpressionAttributeNames entry is a ValidationException (Developer Guide: Expression attribute names)")
    void unusedNameIsRejected() {
        var error = validationError(() -> ddb.putItem(b -> b.tableName(table).item(SUBJECT).conditionExpression("n = :five")
                .expressionAttributeValues(Map.of(":five", n(5))).expressionAttributeNames(Map.of("#unused", "x"))));
        assertThat(error.awsErrorDetails().errorMessage()).contains("unused in expressions").contains("#unused");
    }

    @Test
    @DisplayName("An undefined :value placeholder is a ValidationException (Developer Guide: Expression attribute values)")
    void undefinedValueIsRejected() {
        var error = validationError(() -> ddb.putItem(b -> b.tableName(table).item(SUBJECT).conditionExpression("n = :nowhere")
                .expressionAttributeValues(Map.of(":five", n(5)))));
        assertThat(error.awsErrorDetails().errorMessage()).contains("not defined").contains(":nowhere");
    }

    @Test
    @DisplayName("An undefined #name placeholder is a ValidationException (Developer Guide: Expression attribute names)")
    void undefinedNameIsRejected() {
        var error = validationError(() -> ddb.putItem(b -> b.tableName(table).item(SUBJECT).conditionExpression("#nowhere = :five")
                .expressionAttributeValues(Map.of(":five", n(5)))));
        assertThat(error.awsErrorDetails().errorMessage()).contains("not defined").contains("#nowhere");
    }

    @Test
    @DisplayName("A syntax error is a ValidationException naming the token (Developer Guide: Condition expressions, syntax)")
    void syntaxErrorIsRejected() {
        var error = validationError(() -> holds("n = = :five"));
        assertThat(error.awsErrorDetails().errorMessage()).contains("Syntax error");
    }

    @Test
    @DisplayName("BETWEEN with its lower bound above its upper bound is a ValidationException (Developer Guide: Comparison operator reference, BETWEEN)")
    void betweenWithReversedBoundsIsRejected() {
        var error = validationError(() -> holds("n BETWEEN :six AND :four"));
        assertThat(error.awsErrorDetails().errorMessage()).contains("BETWEEN");
    }

    @Test
    @DisplayName("An expression string over 4 KB is a ValidationException (Developer Guide: Service quotas, expression parameters)")
    @DynaliteDiffers("dynalite 4.0.0 accepts any expression length; AWS: the maximum length of any expression string is 4 KB (Developer Guide: Service quotas)")
    void expressionOver4KbRejected() {
        String longCondition = "n = :five" + " OR n = :five".repeat(400);
        assertThat(longCondition.length()).isGreaterThan(4096);
        validationError(() -> holds(longCondition));
    }

    @Test
    @DisplayName("IN takes at most 100 values: 101 are a ValidationException (Developer Guide: Comparison operator reference, IN)")
    @DynaliteDiffers("dynalite 4.0.0 accepts 101 IN values; AWS: the list can contain up to 100 values (Developer Guide: Comparison operator and function reference)")
    void inWithMoreThan100ValuesRejected() {
        Map<String, AttributeValue> values = new HashMap<>();
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < 101; i++) {
            values.put(":v" + i, n(i));
            list.append(i == 0 ? "" : ", ").append(":v").append(i);
        }
        validationError(() -> ddb.putItem(b -> b.tableName(table).item(SUBJECT).conditionExpression("n IN (" + list + ")")
                .expressionAttributeValues(values)));
    }

    @Test
    @DisplayName("An empty ExpressionAttributeValues map is a ValidationException (API Reference: PutItem, ExpressionAttributeValues)")
    void emptyValuesMapIsRejected() {
        validationError(() -> ddb.putItem(b -> b.tableName(table).item(SUBJECT).conditionExpression("attribute_exists(n)")
                .expressionAttributeValues(Map.of())));
    }

    @Test
    @DisplayName("attribute_type with an unknown type name is a ValidationException (Developer Guide: attribute_type)")
    void attributeTypeWithUnknownTypeIsRejected() {
        validationError(() -> ddb.putItem(b -> b.tableName(table).item(SUBJECT).conditionExpression("attribute_type(n, :t)")
                .expressionAttributeValues(Map.of(":t", s("NUMBER")))));
    }
}
