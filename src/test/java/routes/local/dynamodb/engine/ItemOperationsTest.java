package routes.local.dynamodb.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static routes.local.dynamodb.engine.EmulatorClients.key;
import static routes.local.dynamodb.engine.EmulatorClients.n;
import static routes.local.dynamodb.engine.EmulatorClients.s;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** PutItem, GetItem, UpdateItem and DeleteItem through the AWS SDK v2. */
class ItemOperationsTest {

    private static DynamoDbClient dynamo;
    private static String table;

    @BeforeAll
    static void createTable() {
        dynamo = EmulatorClients.client();
        table = EmulatorClients.createTable(dynamo, "items", null);
    }

    @Test
    void putThenGetReturnsTheItemWithEveryType() {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s("all-types"));
        item.put("text", s(""));
        item.put("number", n("01.500"));
        item.put("binary", AttributeValue.fromB(SdkBytes.fromUtf8String("bytes")));
        item.put("flag", AttributeValue.fromBool(true));
        item.put("nothing", AttributeValue.fromNul(true));
        item.put("list", AttributeValue.fromL(java.util.List.of(s("a"), n("1"))));
        item.put("map", AttributeValue.fromM(Map.of("inner", s("x"))));
        item.put("strings", AttributeValue.fromSs(java.util.List.of("a", "b")));
        dynamo.putItem(b -> b.tableName(table).item(item));

        Map<String, AttributeValue> read = dynamo.getItem(b -> b.tableName(table).key(key("all-types")).consistentRead(true)).item();

        assertThat(read).containsEntry("number", n("1.5")).containsEntry("text", s("")).containsEntry("flag", AttributeValue.fromBool(true))
                .containsEntry("map", AttributeValue.fromM(Map.of("inner", s("x")))).hasSize(item.size());
    }

    @Test
    void getOfAMissingItemHasNoItem() {
        assertThat(dynamo.getItem(b -> b.tableName(table).key(key("never-written"))).hasItem()).isFalse();
    }

    @Test
    void getWithAProjectionReturnsOnlyThoseAttributes() {
        dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", s("projected"), "a", s("1"), "b", s("2"), "c", s("3"))));

        Map<String, AttributeValue> read = dynamo.getItem(b -> b.tableName(table).key(key("projected"))
                .projectionExpression("a, #c").expressionAttributeNames(Map.of("#c", "c"))).item();

        assertThat(read).containsOnlyKeys("a", "c");
    }

    @Test
    void putReturnsTheOldItemWhenAskedForAllOld() {
        dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", s("replaced"), "v", s("old"))));

        var response = dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", s("replaced"), "v", s("new")))
                .returnValues(ReturnValue.ALL_OLD));

        assertThat(response.attributes()).containsEntry("v", s("old"));
    }

    @Test
    void conditionalPutFailsWhenTheItemExists() {
        dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", s("exists"), "v", s("first"))));

        assertThatThrownBy(() -> dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", s("exists"), "v", s("second")))
                .conditionExpression("attribute_not_exists(pk)")))
                .isInstanceOf(ConditionalCheckFailedException.class)
                .hasMessageContaining("The conditional request failed");
        assertThat(dynamo.getItem(b -> b.tableName(table).key(key("exists"))).item()).containsEntry("v", s("first"));
    }

    // API Reference, PutItem: ReturnValuesOnConditionCheckFailure = ALL_OLD returns the item in the error.
    @Test
    void failedConditionCarriesTheItemWhenAskedForAllOld() {
        dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", s("kept"), "v", s("first"))));

        assertThatThrownBy(() -> dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", s("kept")))
                .conditionExpression("attribute_not_exists(pk)")
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)))
                .isInstanceOfSatisfying(ConditionalCheckFailedException.class,
                        e -> assertThat(e.item()).containsEntry("v", s("first")));
    }

    @Test
    void updateCreatesAMissingItemAndReturnsUpdatedNew() {
        var response = dynamo.updateItem(b -> b.tableName(table).key(key("counter"))
                .updateExpression("SET hits = if_not_exists(hits, :zero) + :one")
                .expressionAttributeValues(Map.of(":zero", n("0"), ":one", n("1")))
                .returnValues(ReturnValue.UPDATED_NEW));
        var second = dynamo.updateItem(b -> b.tableName(table).key(key("counter"))
                .updateExpression("SET hits = hits + :one")
                .expressionAttributeValues(Map.of(":one", n("1")))
                .returnValues(ReturnValue.ALL_NEW));

        assertThat(response.attributes()).containsExactlyEntriesOf(Map.of("hits", n("1")));
        assertThat(second.attributes()).containsEntry("pk", s("counter")).containsEntry("hits", n("2"));
    }

    @Test
    void updateReturnsUpdatedOldOnlyForChangedAttributes() {
        dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", s("partial"), "a", s("1"), "b", s("2"))));

        var response = dynamo.updateItem(b -> b.tableName(table).key(key("partial"))
                .updateExpression("SET a = :a").expressionAttributeValues(Map.of(":a", s("changed")))
                .returnValues(ReturnValue.UPDATED_OLD));

        assertThat(response.attributes()).containsExactlyEntriesOf(Map.of("a", s("1")));
    }

    // API Reference, UpdateItem: key attributes cannot be updated.
    @Test
    void updateOfAKeyAttributeIsRejected() {
        assertThatThrownBy(() -> dynamo.updateItem(b -> b.tableName(table).key(key("k"))
                .updateExpression("SET pk = :v").expressionAttributeValues(Map.of(":v", s("x")))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("Cannot update attribute pk. This attribute is part of the key");
    }

    @Test
    void deleteReturnsTheOldItemAndRemovesIt() {
        dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", s("doomed"), "v", s("x"))));

        var response = dynamo.deleteItem(b -> b.tableName(table).key(key("doomed")).returnValues(ReturnValue.ALL_OLD));

        assertThat(response.attributes()).containsEntry("v", s("x"));
        assertThat(dynamo.getItem(b -> b.tableName(table).key(key("doomed"))).hasItem()).isFalse();
    }

    @Test
    void conditionalDeleteOfAMissingItemFails() {
        assertThatThrownBy(() -> dynamo.deleteItem(b -> b.tableName(table).key(key("absent"))
                .conditionExpression("attribute_exists(pk)")))
                .isInstanceOf(ConditionalCheckFailedException.class);
    }

    @Test
    void keyOfTheWrongTypeIsRejected() {
        assertThatThrownBy(() -> dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", n("1")))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("One or more parameter values were invalid: Type mismatch for key pk expected: S actual: N");
    }

    @Test
    void missingKeyIsRejected() {
        assertThatThrownBy(() -> dynamo.putItem(b -> b.tableName(table).item(Map.of("other", s("1")))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("Missing the key pk in the item");
    }

    // Developer Guide, "Supported data types": key attributes cannot be empty strings.
    @Test
    void emptyStringKeyIsRejected() {
        assertThatThrownBy(() -> dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", s("")))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("cannot contain an empty string value");
    }

    @Test
    void getWithExtraKeyAttributesIsRejected() {
        assertThatThrownBy(() -> dynamo.getItem(b -> b.tableName(table).key(Map.of("pk", s("a"), "x", s("b")))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("The provided key element does not match the schema");
    }

    // Developer Guide, "Service, account, and table quotas": an item is at most 400 KB.
    @Test
    void itemOverFourHundredKilobytesIsRejected() {
        String big = "x".repeat(400 * 1024);
        assertThatThrownBy(() -> dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", s("big"), "v", s(big)))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("Item size has exceeded the maximum allowed size");
    }

    // Developer Guide, "Service quotas": partition key values are at most 2048 bytes.
    @Test
    void partitionKeyOverTwoKilobytesIsRejected() {
        dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", s("k".repeat(2048)))));

        assertThatThrownBy(() -> dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", s("k".repeat(2049))))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("Size of hashkey has exceeded the maximum size limit of 2048 bytes");
    }

    // Developer Guide, "Service quotas": sort key values are at most 1024 bytes.
    @Test
    void sortKeyOverOneKilobyteIsRejected() {
        String composite = EmulatorClients.createTable(dynamo, "long-sort", ScalarAttributeType.S);
        dynamo.putItem(b -> b.tableName(composite).item(Map.of("pk", s("a"), "sk", s("s".repeat(1024)))));

        assertThatThrownBy(() -> dynamo.putItem(b -> b.tableName(composite).item(Map.of("pk", s("a"), "sk", s("s".repeat(1025))))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("Aggregated size of all range keys has exceeded the size limit of 1024 bytes");
    }

    // Developer Guide, "Naming rules": attribute names are at least one character long.
    @Test
    void emptyAttributeNameIsRejected() {
        assertThatThrownBy(() -> dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", s("named"), "", s("v")))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("An attribute name may not be empty");
    }

    @Test
    void unusedPlaceholderIsRejected() {
        assertThatThrownBy(() -> dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", s("p")))
                .conditionExpression("attribute_not_exists(pk)").expressionAttributeValues(Map.of(":unused", s("x")))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("unused in expressions");
    }

    @Test
    void writeToAMissingTableIsResourceNotFound() {
        assertThatThrownBy(() -> dynamo.putItem(b -> b.tableName("no-such-table").item(key("x"))))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("Requested resource not found");
    }

    @Test
    void sortKeyTypeIsEnforcedOnCompositeTables() {
        String composite = EmulatorClients.createTable(dynamo, "composite", ScalarAttributeType.N);
        assertThatThrownBy(() -> dynamo.putItem(b -> b.tableName(composite).item(Map.of("pk", s("a"), "sk", s("1")))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("Type mismatch for key sk expected: N actual: S");
    }
}
