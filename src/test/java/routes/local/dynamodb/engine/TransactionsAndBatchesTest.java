package routes.local.dynamodb.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static routes.local.dynamodb.engine.EmulatorClients.key;
import static routes.local.dynamodb.engine.EmulatorClients.n;
import static routes.local.dynamodb.engine.EmulatorClients.s;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** TransactWriteItems, TransactGetItems, BatchWriteItem and BatchGetItem through the AWS SDK v2. */
class TransactionsAndBatchesTest {

    private static DynamoDbClient dynamo;
    private static String orders;
    private static String outbox;

    @BeforeAll
    static void createTables() {
        dynamo = EmulatorClients.client();
        orders = EmulatorClients.createTable(dynamo, "tx-orders", null);
        outbox = EmulatorClients.createTable(dynamo, "tx-outbox", null);
    }

    private static TransactWriteItem put(String table, Map<String, AttributeValue> item, String condition) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item).conditionExpression(condition).build()).build();
    }

    @Test
    void transactionWritesAcrossTables() {
        dynamo.transactWriteItems(b -> b.transactItems(
                put(orders, Map.of("pk", s("order-1"), "state", s("PLACED")), "attribute_not_exists(pk)"),
                put(outbox, Map.of("pk", s("event-1"), "type", s("order.created")), null)));

        assertThat(dynamo.getItem(b -> b.tableName(orders).key(key("order-1"))).item()).containsEntry("state", s("PLACED"));
        assertThat(dynamo.getItem(b -> b.tableName(outbox).key(key("event-1"))).hasItem()).isTrue();
    }

    // API Reference, TransactWriteItems: a failed condition cancels all actions, reasons in request order.
    @Test
    void failedConditionCancelsEverythingWithReasonsInOrder() {
        dynamo.putItem(b -> b.tableName(orders).item(Map.of("pk", s("order-2"), "state", s("PLACED"))));

        assertThatThrownBy(() -> dynamo.transactWriteItems(b -> b.transactItems(
                put(outbox, Map.of("pk", s("event-2")), null),
                TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(orders).key(key("order-2"))
                        .conditionExpression("#s = :paid").expressionAttributeNames(Map.of("#s", "state"))
                        .expressionAttributeValues(Map.of(":paid", s("PAID")))
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build()).build())))
                .isInstanceOfSatisfying(TransactionCanceledException.class, e -> {
                    assertThat(e.getMessage()).contains("Transaction cancelled, please refer cancellation reasons for specific "
                            + "reasons [None, ConditionalCheckFailed]");
                    List<CancellationReason> reasons = e.cancellationReasons();
                    assertThat(reasons).extracting(CancellationReason::code).containsExactly("None", "ConditionalCheckFailed");
                    assertThat(reasons.get(1).message()).isEqualTo("The conditional request failed");
                    assertThat(reasons.get(1).item()).containsEntry("state", s("PLACED"));
                });
        assertThat(dynamo.getItem(b -> b.tableName(outbox).key(key("event-2"))).hasItem()).isFalse();
    }

    @Test
    void twoActionsOnOneItemAreRejected() {
        assertThatThrownBy(() -> dynamo.transactWriteItems(b -> b.transactItems(
                put(orders, Map.of("pk", s("same")), null),
                TransactWriteItem.builder().delete(Delete.builder().tableName(orders).key(key("same")).build()).build())))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("Transaction request cannot include multiple operations on one item");
    }

    // API Reference, TransactWriteItems "ClientRequestToken": a retry with the same token is applied once.
    @Test
    void retryWithTheSameTokenIsAppliedOnce() {
        dynamo.putItem(b -> b.tableName(orders).item(Map.of("pk", s("counted"), "n", n("0"))));
        TransactWriteItem increment = TransactWriteItem.builder().update(Update.builder().tableName(orders).key(key("counted"))
                .updateExpression("SET n = n + :one").expressionAttributeValues(Map.of(":one", n("1"))).build()).build();

        dynamo.transactWriteItems(b -> b.clientRequestToken("token-1").transactItems(increment));
        dynamo.transactWriteItems(b -> b.clientRequestToken("token-1").transactItems(increment));

        assertThat(dynamo.getItem(b -> b.tableName(orders).key(key("counted"))).item()).containsEntry("n", n("1"));
    }

    @Test
    void sameTokenWithADifferentRequestIsAMismatch() {
        dynamo.transactWriteItems(b -> b.clientRequestToken("token-2").transactItems(put(orders, Map.of("pk", s("t2")), null)));

        assertThatThrownBy(() -> dynamo.transactWriteItems(b -> b.clientRequestToken("token-2")
                .transactItems(put(orders, Map.of("pk", s("t2-other")), null))))
                .isInstanceOf(IdempotentParameterMismatchException.class);
    }

    @Test
    void transactGetReadsSeveralItemsInOrder() {
        dynamo.putItem(b -> b.tableName(orders).item(Map.of("pk", s("read-1"), "v", s("1"))));

        var response = dynamo.transactGetItems(b -> b.transactItems(
                TransactGetItem.builder().get(g -> g.tableName(orders).key(key("read-1"))).build(),
                TransactGetItem.builder().get(g -> g.tableName(orders).key(key("read-missing"))).build()));

        assertThat(response.responses().get(0).item()).containsEntry("v", s("1"));
        assertThat(response.responses().get(1).hasItem()).isFalse();
    }

    @Test
    void batchWriteThenBatchGet() {
        List<WriteRequest> writes = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(Map.of("pk", s("batch-" + i))).build()).build());
        }
        var written = dynamo.batchWriteItem(b -> b.requestItems(Map.of(orders, writes)));
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            keys.add(key("batch-" + i));
        }
        keys.add(key("batch-missing"));

        var read = dynamo.batchGetItem(b -> b.requestItems(Map.of(orders, KeysAndAttributes.builder().keys(keys).build())));

        assertThat(written.unprocessedItems()).isEmpty();
        assertThat(read.responses().get(orders)).hasSize(25);
        assertThat(read.unprocessedKeys()).isEmpty();
    }

    // API Reference, BatchGetItem: at most 16 MB per answer, the rest comes back in UnprocessedKeys.
    @Test
    void batchGetAnswersSixteenMegabytesAndLeavesTheRestUnprocessed() {
        String big = EmulatorClients.createTable(dynamo, "tx-big", null);
        String padding = "p".repeat(390_000);
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            Map<String, AttributeValue> key = key("big-" + i);
            keys.add(key);
            dynamo.putItem(b -> b.tableName(big).item(Map.of("pk", key.get("pk"), "padding", s(padding))));
        }

        var read = dynamo.batchGetItem(b -> b.requestItems(Map.of(big, KeysAndAttributes.builder().keys(keys).consistentRead(true).build())));

        int returned = read.responses().get(big).size();
        assertThat(returned).isEqualTo(16 * 1024 * 1024 / (390_000 + 2 + 6 + "padding".length()));
        assertThat(read.unprocessedKeys().get(big).keys()).hasSize(45 - returned);
        assertThat(read.unprocessedKeys().get(big).consistentRead()).isTrue();
    }

    @Test
    void batchWriteWithDuplicateKeysIsRejected() {
        WriteRequest twice = WriteRequest.builder().putRequest(PutRequest.builder().item(key("dup")).build()).build();

        assertThatThrownBy(() -> dynamo.batchWriteItem(b -> b.requestItems(Map.of(orders, List.of(twice, twice)))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("Provided list of item keys contains duplicates");
    }

    @Test
    void batchWriteOfMoreThanTwentyFiveIsRejected() {
        List<WriteRequest> writes = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(key("over-" + i)).build()).build());
        }
        assertThatThrownBy(() -> dynamo.batchWriteItem(b -> b.requestItems(Map.of(orders, writes))))
                .isInstanceOf(DynamoDbException.class);
    }
}
