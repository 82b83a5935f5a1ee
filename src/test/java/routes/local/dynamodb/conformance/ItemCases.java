package routes.local.dynamodb.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static routes.local.dynamodb.conformance.Attributes.item;
import static routes.local.dynamodb.conformance.Attributes.l;
import static routes.local.dynamodb.conformance.Attributes.m;
import static routes.local.dynamodb.conformance.Attributes.n;
import static routes.local.dynamodb.conformance.Attributes.s;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/** PutItem, GetItem, UpdateItem, DeleteItem and their ReturnValues, on one pk/sk table. */
abstract class ItemCases extends ConformanceCases {

    String table;

    @BeforeAll
    void createItemTable() {
        table = tables.hashRangeTable("pk", ScalarAttributeType.S, "sk", ScalarAttributeType.S);
    }

    static String uniquePk() {
        return "item-" + UUID.randomUUID();
    }

    Map<String, AttributeValue> get(Map<String, AttributeValue> key) {
        return ddb.getItem(b -> b.tableName(table).key(key).consistentRead(true)).item();
    }

    @Test
    @DisplayName("PutItem then GetItem (ConsistentRead) returns the item as written (API Reference: GetItem)")
    void putThenGetReturnsItem() {
        Map<String, AttributeValue> written = item("pk", s(uniquePk()), "sk", s("a"), "n", n(7), "l", l(s("x"), n(1)),
                "m", m("inner", s("v")));
        ddb.putItem(b -> b.tableName(table).item(written));
        assertThat(get(item("pk", written.get("pk"), "sk", s("a")))).isEqualTo(written);
    }

    @Test
    @DisplayName("GetItem of a missing key answers without an Item (API Reference: GetItem)")
    void getMissingItemHasNoItem() {
        var response = ddb.getItem(b -> b.tableName(table).key(item("pk", s(uniquePk()), "sk", s("a"))).consistentRead(true));
        assertThat(response.hasItem()).isFalse();
    }

    @Test
    @DisplayName("PutItem replaces the whole item: attributes not in the new item are gone (API Reference: PutItem)")
    void putReplacesWholeItem() {
        String pk = uniquePk();
        ddb.putItem(b -> b.tableName(table).item(item("pk", s(pk), "sk", s("a"), "old", s("1"))));
        ddb.putItem(b -> b.tableName(table).item(item("pk", s(pk), "sk", s("a"), "new", s("2"))));
        assertThat(get(item("pk", s(pk), "sk", s("a")))).containsOnlyKeys("pk", "sk", "new");
    }

    @Test
    @DisplayName("PutItem ReturnValues ALL_OLD returns the replaced item (API Reference: PutItem, ReturnValues)")
    void putAllOldReturnsReplacedItem() {
        String pk = uniquePk();
        var old = item("pk", s(pk), "sk", s("a"), "v", s("old"));
        ddb.putItem(b -> b.tableName(table).item(old));
        var response = ddb.putItem(b -> b.tableName(table).item(item("pk", s(pk), "sk", s("a"), "v", s("new")))
                .returnValues(ReturnValue.ALL_OLD));
        assertThat(response.attributes()).isEqualTo(old);
    }

    @Test
    @DisplayName("PutItem ReturnValues ALL_OLD on a new item returns no attributes (API Reference: PutItem)")
    void putAllOldOnNewItemReturnsNothing() {
        var response = ddb.putItem(b -> b.tableName(table).item(item("pk", s(uniquePk()), "sk", s("a")))
                .returnValues(ReturnValue.ALL_OLD));
        assertThat(response.hasAttributes()).isFalse();
    }

    @Test
    @DisplayName("PutItem accepts only NONE and ALL_OLD as ReturnValues: ALL_NEW is a ValidationException (API Reference: PutItem)")
    void putRejectsAllNew() {
        validationError(() -> ddb.putItem(b -> b.tableName(table).item(item("pk", s(uniquePk()), "sk", s("a")))
                .returnValues(ReturnValue.ALL_NEW)));
    }

    @Test
    @DisplayName("PutItem without the sort key is a ValidationException (API Reference: PutItem, Item)")
    void putWithoutSortKeyIsRejected() {
        validationError(() -> ddb.putItem(b -> b.tableName(table).item(item("pk", s(uniquePk()), "x", s("1")))));
    }

    @Test
    @DisplayName("PutItem with a key of the wrong type is a ValidationException (API Reference: PutItem, Item)")
    void putWithWrongKeyTypeIsRejected() {
        var error = validationError(() -> ddb.putItem(b -> b.tableName(table).item(item("pk", s(uniquePk()), "sk", n(1)))));
        assertThat(error.awsErrorDetails().errorMessage()).contains("Type mismatch");
    }

    @Test
    @DisplayName("GetItem with a non-key attribute in Key is a ValidationException (API Reference: GetItem, Key)")
    void getWithExtraKeyAttributeIsRejected() {
        validationError(() -> ddb.getItem(b -> b.tableName(table).key(item("pk", s("x"), "sk", s("a"), "other", s("1")))));
    }

    @Test
    @DisplayName("PutItem on a table that does not exist is a ResourceNotFoundException (API Reference: PutItem, Errors)")
    void putOnMissingTableIsResourceNotFound() {
        failsWith(ResourceNotFoundException.class, "ResourceNotFoundException",
                () -> ddb.putItem(b -> b.tableName(ScratchTables.uniqueName()).item(item("pk", s("x"), "sk", s("a")))));
    }

    @Test
    @DisplayName("PutItem with attribute_not_exists on an existing item fails with ConditionalCheckFailedException (API Reference: PutItem)")
    void putIfAbsentFailsOnExistingItem() {
        String pk = uniquePk();
        ddb.putItem(b -> b.tableName(table).item(item("pk", s(pk), "sk", s("a"), "v", s("first"))));
        var error = failsWith(ConditionalCheckFailedException.class, "ConditionalCheckFailedException",
                () -> ddb.putItem(b -> b.tableName(table).item(item("pk", s(pk), "sk", s("a"), "v", s("second")))
                        .conditionExpression("attribute_not_exists(pk)")));
        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("The conditional request failed");
        assertThat(get(item("pk", s(pk), "sk", s("a"))).get("v")).isEqualTo(s("first"));
    }

    @Test
    @DisplayName("PutItem with attribute_not_exists on a new item succeeds (Developer Guide: Condition expressions, preventing overwrites)")
    void putIfAbsentSucceedsOnNewItem() {
        String pk = uniquePk();
        ddb.putItem(b -> b.tableName(table).item(item("pk", s(pk), "sk", s("a"))).conditionExpression("attribute_not_exists(pk)"));
        assertThat(get(item("pk", s(pk), "sk", s("a")))).isNotNull();
    }

    @Test
    @DisplayName("ReturnValuesOnConditionCheckFailure ALL_OLD puts the existing item in ConditionalCheckFailedException (API Reference: PutItem)")
    @DynaliteDiffers("dynalite 4.0.0 ignores ReturnValuesOnConditionCheckFailure (added to the API in 2023; API Reference: PutItem)")
    void conditionFailureReturnsOldItem() {
        String pk = uniquePk();
        var existing = item("pk", s(pk), "sk", s("a"), "v", s("first"));
        ddb.putItem(b -> b.tableName(table).item(existing));
        var error = failsWith(ConditionalCheckFailedException.class, "ConditionalCheckFailedException",
                () -> ddb.putItem(b -> b.tableName(table).item(item("pk", s(pk), "sk", s("a")))
                        .conditionExpression("attribute_not_exists(pk)")
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));
        assertThat(error.item()).isEqualTo(existing);
    }

    @Test
    @DisplayName("DeleteItem ReturnValues ALL_OLD returns the deleted item and the item is gone (API Reference: DeleteItem)")
    void deleteReturnsOldItem() {
        String pk = uniquePk();
        var existing = item("pk", s(pk), "sk", s("a"), "v", s("gone"));
        ddb.putItem(b -> b.tableName(table).item(existing));
        var response = ddb.deleteItem(b -> b.tableName(table).key(item("pk", s(pk), "sk", s("a"))).returnValues(ReturnValue.ALL_OLD));
        assertThat(response.attributes()).isEqualTo(existing);
        assertThat(get(item("pk", s(pk), "sk", s("a")))).isEmpty();
    }

    @Test
    @DisplayName("DeleteItem of a missing item succeeds and returns nothing (API Reference: DeleteItem)")
    void deleteMissingItemSucceeds() {
        var response = ddb.deleteItem(b -> b.tableName(table).key(item("pk", s(uniquePk()), "sk", s("a"))).returnValues(ReturnValue.ALL_OLD));
        assertThat(response.hasAttributes()).isFalse();
    }

    @Test
    @DisplayName("DeleteItem with a false ConditionExpression fails and keeps the item (API Reference: DeleteItem)")
    void conditionalDeleteKeepsItem() {
        String pk = uniquePk();
        ddb.putItem(b -> b.tableName(table).item(item("pk", s(pk), "sk", s("a"), "v", n(1))));
        failsWith(ConditionalCheckFailedException.class, "ConditionalCheckFailedException",
                () -> ddb.deleteItem(b -> b.tableName(table).key(item("pk", s(pk), "sk", s("a")))
                        .conditionExpression("v = :two").expressionAttributeValues(Map.of(":two", n(2)))));
        assertThat(get(item("pk", s(pk), "sk", s("a")))).containsKey("v");
    }

    @Test
    @DisplayName("UpdateItem on a missing item creates it (API Reference: UpdateItem: edits an existing item or adds a new one)")
    void updateCreatesMissingItem() {
        String pk = uniquePk();
        ddb.updateItem(b -> b.tableName(table).key(item("pk", s(pk), "sk", s("a")))
                .updateExpression("SET v = :v").expressionAttributeValues(Map.of(":v", s("new"))));
        assertThat(get(item("pk", s(pk), "sk", s("a")))).isEqualTo(item("pk", s(pk), "sk", s("a"), "v", s("new")));
    }

    @ParameterizedTest(name = "ReturnValues {0}")
    @DisplayName("UpdateItem ReturnValues NONE / ALL_OLD / UPDATED_OLD / ALL_NEW / UPDATED_NEW return the documented attributes (API Reference: UpdateItem, ReturnValues)")
    @CsvSource(delimiter = '|', value = {
            "NONE        | ",
            "ALL_OLD     | pk,sk,a,b",
            "UPDATED_OLD | a",
            "ALL_NEW     | pk,sk,a,b,c",
            "UPDATED_NEW | a,c"})
    void updateReturnValues(ReturnValue returnValue, String expectedNames) {
        String pk = uniquePk();
        ddb.putItem(b -> b.tableName(table).item(item("pk", s(pk), "sk", s("a"), "a", n(1), "b", s("same"))));
        UpdateItemResponse response = ddb.updateItem(b -> b.tableName(table).key(item("pk", s(pk), "sk", s("a")))
                .updateExpression("SET a = :two, c = :c").expressionAttributeValues(Map.of(":two", n(2), ":c", s("added")))
                .returnValues(returnValue));
        if (expectedNames == null) {
            assertThat(response.hasAttributes()).isFalse();
            return;
        }
        assertThat(response.attributes()).containsOnlyKeys(expectedNames.split(","));
        boolean oldImage = returnValue == ReturnValue.ALL_OLD || returnValue == ReturnValue.UPDATED_OLD;
        assertThat(response.attributes().get("a")).isEqualTo(oldImage ? n(1) : n(2));
    }

    @Test
    @DisplayName("UpdateItem may not SET a key attribute: ValidationException (API Reference: UpdateItem)")
    void updateOfKeyAttributeIsRejected() {
        String pk = uniquePk();
        var error = validationError(() -> ddb.updateItem(b -> b.tableName(table).key(item("pk", s(pk), "sk", s("a")))
                .updateExpression("SET sk = :v").expressionAttributeValues(Map.of(":v", s("b")))));
        assertThat(error.awsErrorDetails().errorMessage()).contains("part of the key");
    }

    @Test
    @DisplayName("UpdateItem with a false ConditionExpression fails and leaves the item unchanged (API Reference: UpdateItem)")
    void conditionalUpdateLeavesItemUnchanged() {
        String pk = uniquePk();
        var existing = item("pk", s(pk), "sk", s("a"), "v", n(1));
        ddb.putItem(b -> b.tableName(table).item(existing));
        failsWith(ConditionalCheckFailedException.class, "ConditionalCheckFailedException",
                () -> ddb.updateItem(b -> b.tableName(table).key(item("pk", s(pk), "sk", s("a")))
                        .updateExpression("SET v = :two").conditionExpression("v = :two")
                        .expressionAttributeValues(Map.of(":two", n(2)))));
        assertThat(get(item("pk", s(pk), "sk", s("a")))).isEqualTo(existing);
    }

    @Test
    @DisplayName("UpdateItem ReturnValuesOnConditionCheckFailure ALL_OLD returns the item in the exception (API Reference: UpdateItem)")
    @DynaliteDiffers("dynalite 4.0.0 ignores ReturnValuesOnConditionCheckFailure (API Reference: UpdateItem)")
    void updateConditionFailureReturnsOldItem() {
        String pk = uniquePk();
        var existing = item("pk", s(pk), "sk", s("a"), "v", n(1));
        ddb.putItem(b -> b.tableName(table).item(existing));
        var error = failsWith(ConditionalCheckFailedException.class, "ConditionalCheckFailedException",
                () -> ddb.updateItem(b -> b.tableName(table).key(item("pk", s(pk), "sk", s("a")))
                        .updateExpression("SET v = :two").conditionExpression("v = :two")
                        .expressionAttributeValues(Map.of(":two", n(2)))
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));
        assertThat(error.item()).isEqualTo(existing);
    }

    @Test
    @DisplayName("GetItem ProjectionExpression returns only the named attributes, nested paths as nested values (Developer Guide: Projection expressions)")
    void getWithProjection() {
        String pk = uniquePk();
        ddb.putItem(b -> b.tableName(table).item(item("pk", s(pk), "sk", s("a"), "keep", s("k"), "drop", s("d"),
                "m", m("in", s("x"), "out", s("y")), "l", l(s("l0"), s("l1"), s("l2")))));
        var got = ddb.getItem(b -> b.tableName(table).key(item("pk", s(pk), "sk", s("a"))).consistentRead(true)
                .projectionExpression("keep, m.#in, l[1]").expressionAttributeNames(Map.of("#in", "in"))).item();
        assertThat(got).isEqualTo(item("keep", s("k"), "m", m("in", s("x")), "l", l(s("l1"))));
    }

    @Test
    @DisplayName("GetItem of a projection naming no existing attribute returns an empty Item (Developer Guide: Projection expressions)")
    void getWithProjectionOfMissingAttributes() {
        String pk = uniquePk();
        ddb.putItem(b -> b.tableName(table).item(item("pk", s(pk), "sk", s("a"))));
        var response = ddb.getItem(b -> b.tableName(table).key(item("pk", s(pk), "sk", s("a"))).consistentRead(true)
                .projectionExpression("nothere"));
        assertThat(response.item()).isEmpty();
    }

    @Test
    @DisplayName("A ProjectionExpression with overlapping paths is a ValidationException (Developer Guide: Projection expressions)")
    void overlappingProjectionRejected() {
        var error = validationError(() -> ddb.getItem(b -> b.tableName(table).key(item("pk", s(uniquePk()), "sk", s("a")))
                .projectionExpression("m, m.x")));
        assertThat(error.awsErrorDetails().errorMessage()).contains("overlap");
    }
}
