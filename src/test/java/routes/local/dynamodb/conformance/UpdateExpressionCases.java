package routes.local.dynamodb.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static routes.local.dynamodb.conformance.Attributes.item;
import static routes.local.dynamodb.conformance.Attributes.l;
import static routes.local.dynamodb.conformance.Attributes.m;
import static routes.local.dynamodb.conformance.Attributes.n;
import static routes.local.dynamodb.conformance.Attributes.ns;
import static routes.local.dynamodb.conformance.Attributes.s;
import static routes.local.dynamodb.conformance.Attributes.ss;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * UpdateItem's update expression actions (SET, REMOVE, ADD, DELETE) and their documented errors; each
 * case writes its own item and reads back ALL_NEW.
 */
abstract class UpdateExpressionCases extends ConformanceCases {

    String table;

    @BeforeAll
    void createUpdateTable() {
        table = tables.hashTable("pk", ScalarAttributeType.S);
    }

    /** Writes {pk, ...attributes} and returns its key. */
    Map<String, AttributeValue> given(Object... attributes) {
        Map<String, AttributeValue> item = new HashMap<>(item(attributes));
        item.put("pk", s("upd-" + UUID.randomUUID()));
        ddb.putItem(b -> b.tableName(table).item(item));
        return Map.of("pk", item.get("pk"));
    }

    /** Applies the update and returns the whole new item without its key. */
    Map<String, AttributeValue> update(Map<String, AttributeValue> key, String expression, Object... values) {
        Map<String, AttributeValue> valueMap = item(values);
        Map<String, AttributeValue> after = ddb.updateItem(b -> {
            b.tableName(table).key(key).updateExpression(expression).returnValues(ReturnValue.ALL_NEW);
            if (!valueMap.isEmpty()) {
                b.expressionAttributeValues(valueMap);
            }
        }).attributes();
        Map<String, AttributeValue> withoutKey = new HashMap<>(after);
        withoutKey.remove("pk");
        return withoutKey;
    }

    @Test
    @DisplayName("SET a = a + :v adds and SET a = a - :v subtracts numbers (Developer Guide: Update expressions, incrementing and decrementing)")
    void setArithmetic() {
        var key = given("n", n(10));
        assertThat(update(key, "SET n = n + :three", ":three", n(3))).containsEntry("n", n(13));
        assertThat(update(key, "SET n = n - :twenty", ":twenty", n(20))).containsEntry("n", n(-7));
    }

    @Test
    @DisplayName("SET with arithmetic on a missing attribute is a ValidationException (Developer Guide: Update expressions, SET)")
    void arithmeticOnMissingAttributeIsRejected() {
        var key = given();
        var error = validationError(() -> update(key, "SET n = n + :one", ":one", n(1)));
        assertThat(error.awsErrorDetails().errorMessage()).contains("attribute that does not exist");
    }

    @Test
    @DisplayName("SET with arithmetic on a string operand is a ValidationException (Developer Guide: Update expressions, SET)")
    void arithmeticOnStringIsRejected() {
        var key = given("s", s("text"));
        var error = validationError(() -> update(key, "SET s = s + :one", ":one", n(1)));
        assertThat(error.awsErrorDetails().errorMessage()).contains("incorrect data type");
    }

    @Test
    @DisplayName("if_not_exists sets a missing attribute and keeps an existing one (Developer Guide: Update expressions, preventing overwrites)")
    void ifNotExists() {
        var key = given("kept", n(1));
        assertThat(update(key, "SET kept = if_not_exists(kept, :zero), fresh = if_not_exists(fresh, :zero)", ":zero", n(0)))
                .isEqualTo(item("kept", n(1), "fresh", n(0)));
    }

    @Test
    @DisplayName("if_not_exists(x, :start) + :inc counts from a start value (Developer Guide: Update expressions, SET)")
    void ifNotExistsWithArithmetic() {
        var key = given();
        update(key, "SET c = if_not_exists(c, :zero) + :one", ":zero", n(0), ":one", n(1));
        assertThat(update(key, "SET c = if_not_exists(c, :zero) + :one", ":zero", n(0), ":one", n(1))).containsEntry("c", n(2));
    }

    @Test
    @DisplayName("list_append appends or prepends depending on operand order (Developer Guide: Update expressions, appending elements to a list)")
    void listAppend() {
        var key = given("l", l(s("b")));
        update(key, "SET l = list_append(l, :tail)", ":tail", l(s("c")));
        assertThat(update(key, "SET l = list_append(:head, l)", ":head", l(s("a")))).containsEntry("l", l(s("a"), s("b"), s("c")));
    }

    @Test
    @DisplayName("SET of a list index beyond its end appends the element (Developer Guide: Update expressions, adding elements to a list)")
    void setBeyondListEndAppends() {
        var key = given("l", l(s("a"), s("b")));
        assertThat(update(key, "SET l[10] = :c", ":c", s("c"))).containsEntry("l", l(s("a"), s("b"), s("c")));
    }

    @Test
    @DisplayName("SET of a nested map path and of a list element replaces just that element (Developer Guide: Update expressions, nested attributes)")
    void setNestedPaths() {
        var key = given("m", m("child", m("deep", n(1)), "other", s("o")), "l", l(s("a"), s("b")));
        assertThat(update(key, "SET m.child.deep = :two, l[1] = :z", ":two", n(2), ":z", s("z")))
                .isEqualTo(item("m", m("child", m("deep", n(2)), "other", s("o")), "l", l(s("a"), s("z"))));
    }

    @Test
    @DisplayName("SET under a missing map is a ValidationException: the document path is invalid for update (Developer Guide: Update expressions)")
    void setUnderMissingParentIsRejected() {
        var key = given();
        var error = validationError(() -> update(key, "SET nomap.child = :v", ":v", s("v")));
        assertThat(error.awsErrorDetails().errorMessage()).contains("document path provided in the update expression is invalid");
    }

    @Test
    @DisplayName("REMOVE deletes attributes; REMOVE of a list element shifts the rest down (Developer Guide: Update expressions, REMOVE)")
    void removeAttributesAndListElements() {
        var key = given("gone", s("x"), "l", l(s("a"), s("b"), s("c")), "m", m("x", s("1"), "y", s("2")));
        assertThat(update(key, "REMOVE gone, l[0], m.x"))
                .isEqualTo(item("l", l(s("b"), s("c")), "m", m("y", s("2"))));
    }

    @Test
    @DisplayName("REMOVE of a missing attribute is not an error (Developer Guide: Update expressions, REMOVE)")
    void removeMissingAttributeIsNoOp() {
        var key = given("kept", s("k"));
        assertThat(update(key, "REMOVE nothere")).isEqualTo(item("kept", s("k")));
    }

    @Test
    @DisplayName("ADD adds to a number and starts a missing number at 0 (Developer Guide: Update expressions, ADD)")
    void addNumbers() {
        var key = given("n", n(5));
        assertThat(update(key, "ADD n :two, fresh :two", ":two", n(2))).isEqualTo(item("n", n(7), "fresh", n(2)));
    }

    @Test
    @DisplayName("ADD unites sets and creates a missing set (Developer Guide: Update expressions, ADD)")
    void addSets() {
        var key = given("colours", ss("red"));
        var after = update(key, "ADD colours :more, nums :nums", ":more", ss("green", "red"), ":nums", ns("1", "2"));
        assertThat(after.get("colours").ss()).containsExactlyInAnyOrder("red", "green");
        assertThat(after.get("nums").ns()).containsExactlyInAnyOrder("1", "2");
    }

    @Test
    @DisplayName("DELETE removes elements from a set; removing the last element removes the attribute (Developer Guide: Update expressions, DELETE)")
    void deleteFromSets() {
        var key = given("colours", ss("red", "green", "blue"), "single", ns("1"));
        var after = update(key, "DELETE colours :drop, single :one", ":drop", ss("red", "blue", "violet"), ":one", ns("1"));
        assertThat(after).containsOnlyKeys("colours");
        assertThat(after.get("colours").ss()).containsExactly("green");
    }

    @Test
    @DisplayName("ADD of a number to a string attribute is a ValidationException (Developer Guide: Update expressions, ADD)")
    void addToStringIsRejected() {
        var key = given("s", s("text"));
        var error = validationError(() -> update(key, "ADD s :one", ":one", n(1)));
        assertThat(error.awsErrorDetails().errorMessage()).contains("incorrect data type");
    }

    @Test
    @DisplayName("DELETE with a non-set operand is a ValidationException (Developer Guide: Update expressions, DELETE)")
    void deleteWithScalarIsRejected() {
        var key = given("colours", ss("red"));
        validationError(() -> update(key, "DELETE colours :red", ":red", s("red")));
    }

    @Test
    @DisplayName("SET, REMOVE, ADD and DELETE combine in one expression (Developer Guide: Update expressions)")
    void actionsCombine() {
        var key = given("a", s("old"), "b", s("gone"), "c", n(1), "d", ss("x", "y"));
        assertThat(update(key, "SET a = :new REMOVE b ADD c :one DELETE d :x", ":new", s("new"), ":one", n(1), ":x", ss("x")))
                .isEqualTo(item("a", s("new"), "c", n(2), "d", ss("y")));
    }

    @Test
    @DisplayName("Two actions on overlapping paths are a ValidationException (Developer Guide: Update expressions)")
    void overlappingPathsAreRejected() {
        var key = given("m", m("x", s("1")));
        var error = validationError(() -> update(key, "SET m.x = :v REMOVE m", ":v", s("v")));
        assertThat(error.awsErrorDetails().errorMessage()).contains("overlap");
    }

    @Test
    @DisplayName("The same action keyword twice is a ValidationException (Developer Guide: Update expressions, one clause per action)")
    void repeatedClauseIsRejected() {
        var key = given();
        validationError(() -> update(key, "SET a = :v SET b = :v", ":v", s("v")));
    }

    @Test
    @DisplayName("A reserved word in an update expression without a #name is a ValidationException (Developer Guide: Reserved words)")
    void reservedWordInUpdateIsRejected() {
        var key = given();
        var error = validationError(() -> update(key, "SET name = :v", ":v", s("v")));
        assertThat(error.awsErrorDetails().errorMessage()).contains("reserved keyword");
    }

    @Test
    @DisplayName("SET with a #name placeholder writes the real attribute name (Developer Guide: Expression attribute names)")
    void placeholderNamesTheAttribute() {
        var key = given();
        var after = ddb.updateItem(b -> b.tableName(table).key(key).updateExpression("SET #name = :v, #dotted = :v")
                .expressionAttributeNames(Map.of("#name", "name", "#dotted", "a.b"))
                .expressionAttributeValues(Map.of(":v", s("v"))).returnValues(ReturnValue.ALL_NEW)).attributes();
        assertThat(after).containsEntry("name", s("v")).containsEntry("a.b", s("v"));
    }
}
