package routes.local.dynamodb.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static routes.local.dynamodb.conformance.Attributes.item;
import static routes.local.dynamodb.conformance.Attributes.n;
import static routes.local.dynamodb.conformance.Attributes.s;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.dynamodb.model.ItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * TransactWriteItems and TransactGetItems (Developer Guide: Amazon DynamoDB Transactions): all or
 * nothing, isolation, CancellationReasons, idempotency tokens, and a 32-thread race. Not run on
 * dynalite, which has no transactions.
 */
class TransactionsTest extends ConformanceCases {

    String table;
    String other;
    ExecutorService threads;

    @BeforeAll
    void createTransactionTables() {
        table = tables.hashTable("pk", ScalarAttributeType.S);
        other = tables.hashTable("pk", ScalarAttributeType.S);
        threads = Executors.newFixedThreadPool(32);
    }

    @AfterAll
    void stopThreads() {
        threads.shutdownNow();
    }

    static String unique() {
        return "tx-" + UUID.randomUUID();
    }

    Map<String, AttributeValue> get(String tableName, String pk) {
        var response = ddb.getItem(b -> b.tableName(tableName).key(item("pk", s(pk))).consistentRead(true));
        return response.hasItem() ? response.item() : null;
    }

    TransactWriteItem put(String tableName, Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(p -> p.tableName(tableName).item(item)).build();
    }

    TransactWriteItem conditionCheck(String pk, String condition) {
        return TransactWriteItem.builder().conditionCheck(c -> c.tableName(table).key(item("pk", s(pk))).conditionExpression(condition)).build();
    }

    @Test
    @DisplayName("Put, Update, Delete and ConditionCheck across two tables apply together (API Reference: TransactWriteItems)")
    void allActionsApply() {
        String created = unique();
        String updated = unique();
        String deleted = unique();
        String checked = unique();
        ddb.putItem(b -> b.tableName(table).item(item("pk", s(updated), "n", n(1))));
        ddb.putItem(b -> b.tableName(other).item(item("pk", s(deleted))));
        ddb.putItem(b -> b.tableName(table).item(item("pk", s(checked), "ok", s("yes"))));
        ddb.transactWriteItems(b -> b.transactItems(
                put(table, item("pk", s(created), "v", s("new"))),
                TransactWriteItem.builder().update(u -> u.tableName(table).key(item("pk", s(updated)))
                        .updateExpression("SET n = n + :one").expressionAttributeValues(item(":one", n(1)))).build(),
                TransactWriteItem.builder().delete(d -> d.tableName(other).key(item("pk", s(deleted)))).build(),
                conditionCheck(checked, "attribute_exists(ok)")));
        assertThat(get(table, created)).containsEntry("v", s("new"));
        assertThat(get(table, updated)).containsEntry("n", n(2));
        assertThat(get(other, deleted)).isNull();
    }

    @Test
    @DisplayName("One failed condition cancels the whole transaction: nothing is written (Developer Guide: Transactions, TransactWriteItems)")
    void failedConditionWritesNothing() {
        String a = unique();
        String b = unique();
        ddb.putItem(r -> r.tableName(table).item(item("pk", s(b), "n", n(1))));
        failsWith(TransactionCanceledException.class, "TransactionCanceledException", () -> ddb.transactWriteItems(r -> r.transactItems(
                put(table, item("pk", s(a))),
                TransactWriteItem.builder().update(u -> u.tableName(table).key(item("pk", s(b)))
                        .updateExpression("SET n = :two").expressionAttributeValues(item(":two", n(2)))).build(),
                conditionCheck(unique(), "attribute_exists(pk)"))));
        assertThat(get(table, a)).isNull();
        assertThat(get(table, b)).containsEntry("n", n(1));
    }

    @Test
    @DisplayName("CancellationReasons has one entry per action in request order; None for the ones that passed (API Reference: TransactWriteItems, TransactionCanceledException)")
    void cancellationReasonsInRequestOrder() {
        String existing = unique();
        ddb.putItem(r -> r.tableName(table).item(item("pk", s(existing))));
        var error = failsWith(TransactionCanceledException.class, "TransactionCanceledException",
                () -> ddb.transactWriteItems(r -> r.transactItems(
                        put(table, item("pk", s(unique()))),
                        TransactWriteItem.builder().put(p -> p.tableName(table).item(item("pk", s(existing)))
                                .conditionExpression("attribute_not_exists(pk)")).build(),
                        put(other, item("pk", s(unique()))),
                        conditionCheck(unique(), "attribute_exists(pk)"))));
        assertThat(error.cancellationReasons()).extracting(CancellationReason::code)
                .containsExactly("None", "ConditionalCheckFailed", "None", "ConditionalCheckFailed");
        assertThat(error.cancellationReasons().get(1).message()).isEqualTo("The conditional request failed");
        assertThat(error.awsErrorDetails().errorMessage()).contains("[None, ConditionalCheckFailed, None, ConditionalCheckFailed]");
    }

    @Test
    @DisplayName("ReturnValuesOnConditionCheckFailure ALL_OLD puts the item in its CancellationReason (API Reference: TransactWriteItems, CancellationReason.Item)")
    void cancellationReasonCarriesItem() {
        String existing = unique();
        ddb.putItem(r -> r.tableName(table).item(item("pk", s(existing), "v", s("old"))));
        var error = failsWith(TransactionCanceledException.class, "TransactionCanceledException",
                () -> ddb.transactWriteItems(r -> r.transactItems(TransactWriteItem.builder().put(p -> p.tableName(table)
                        .item(item("pk", s(existing))).conditionExpression("attribute_not_exists(pk)")
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build())));
        assertThat(error.cancellationReasons()).singleElement()
                .satisfies(reason -> assertThat(reason.item()).isEqualTo(item("pk", s(existing), "v", s("old"))));
    }

    @Test
    @DisplayName("Two actions on one item in a transaction are a ValidationException (API Reference: TransactWriteItems)")
    void twoActionsOnOneItemRejected() {
        String pk = unique();
        var error = validationError(() -> ddb.transactWriteItems(r -> r.transactItems(
                put(table, item("pk", s(pk))), conditionCheck(pk, "attribute_not_exists(pk)"))));
        assertThat(error.awsErrorDetails().errorMessage()).contains("multiple operations on one item");
        assertThat(get(table, pk)).isNull();
    }

    @Test
    @DisplayName("Up to 100 actions are accepted; 101 are a ValidationException (API Reference: TransactWriteItems, TransactItems)")
    void hundredActionsLimit() {
        List<TransactWriteItem> hundred = IntStream.range(0, 100).mapToObj(i -> put(table, item("pk", s(unique())))).toList();
        ddb.transactWriteItems(r -> r.transactItems(hundred));
        assertThat(get(table, hundred.get(99).put().item().get("pk").s())).isNotNull();
        List<TransactWriteItem> tooMany = IntStream.range(0, 101).mapToObj(i -> put(table, item("pk", s(unique())))).toList();
        validationError(() -> ddb.transactWriteItems(r -> r.transactItems(tooMany)));
    }

    @Test
    @DisplayName("A retry with the same ClientRequestToken succeeds without applying twice (API Reference: TransactWriteItems, ClientRequestToken)")
    void clientRequestTokenMakesRetryIdempotent() {
        String pk = unique();
        String token = UUID.randomUUID().toString();
        TransactWriteItem increment = TransactWriteItem.builder().update(u -> u.tableName(table).key(item("pk", s(pk)))
                .updateExpression("ADD n :one").expressionAttributeValues(item(":one", n(1)))).build();
        ddb.transactWriteItems(r -> r.clientRequestToken(token).transactItems(increment));
        ddb.transactWriteItems(r -> r.clientRequestToken(token).transactItems(increment));
        assertThat(get(table, pk)).containsEntry("n", n(1));
        ddb.transactWriteItems(r -> r.clientRequestToken(UUID.randomUUID().toString()).transactItems(increment));
        assertThat(get(table, pk)).containsEntry("n", n(2));
    }

    @Test
    @DisplayName("The same ClientRequestToken with a different request is an IdempotentParameterMismatchException (API Reference: TransactWriteItems, Errors)")
    void tokenReusedForAnotherRequestRejected() {
        String token = UUID.randomUUID().toString();
        ddb.transactWriteItems(r -> r.clientRequestToken(token).transactItems(put(table, item("pk", s(unique())))));
        failsWith(IdempotentParameterMismatchException.class, "IdempotentParameterMismatchException",
                () -> ddb.transactWriteItems(r -> r.clientRequestToken(token).transactItems(put(table, item("pk", s(unique()))))));
    }

    @Test
    @DisplayName("A transaction naming a table that does not exist is a ResourceNotFoundException (API Reference: TransactWriteItems, Errors)")
    void missingTableRejected() {
        failsWith(ResourceNotFoundException.class, "ResourceNotFoundException", () -> ddb.transactWriteItems(r -> r.transactItems(
                put(ScratchTables.uniqueName(), item("pk", s("x"))))));
    }

    @Test
    @DisplayName("TransactGetItems answers in request order, an empty response for a missing item (API Reference: TransactGetItems)")
    void transactGetInRequestOrder() {
        String a = unique();
        String b = unique();
        ddb.putItem(r -> r.tableName(table).item(item("pk", s(a), "v", s("A"))));
        ddb.putItem(r -> r.tableName(other).item(item("pk", s(b), "v", s("B"), "hidden", s("h"))));
        var response = ddb.transactGetItems(r -> r.transactItems(
                TransactGetItem.builder().get(g -> g.tableName(other).key(item("pk", s(b))).projectionExpression("v")).build(),
                TransactGetItem.builder().get(g -> g.tableName(table).key(item("pk", s(unique())))).build(),
                TransactGetItem.builder().get(g -> g.tableName(table).key(item("pk", s(a)))).build()));
        assertThat(response.responses()).extracting(ItemResponse::item)
                .containsExactly(item("v", s("B")), Map.of(), item("pk", s(a), "v", s("A")));
    }

    @Test
    @DisplayName("TransactGetItems takes up to 100 items; 101 are a ValidationException (API Reference: TransactGetItems, TransactItems)")
    void transactGetHundredItemsLimit() {
        List<TransactGetItem> hundred = IntStream.range(0, 100)
                .mapToObj(i -> TransactGetItem.builder().get(g -> g.tableName(table).key(item("pk", s(unique())))).build()).toList();
        assertThat(ddb.transactGetItems(r -> r.transactItems(hundred)).responses()).hasSize(100);
        List<TransactGetItem> tooMany = IntStream.range(0, 101)
                .mapToObj(i -> TransactGetItem.builder().get(g -> g.tableName(table).key(item("pk", s(unique())))).build()).toList();
        validationError(() -> ddb.transactGetItems(r -> r.transactItems(tooMany)));
    }

    @Test
    @DisplayName("Transactions are isolated: TransactGetItems never sees half of a TransactWriteItems (Developer Guide: Transactions, isolation levels)")
    void readersNeverSeeHalfATransaction() throws Exception {
        String left = unique();
        String right = unique();
        ddb.transactWriteItems(r -> r.transactItems(put(table, item("pk", s(left), "v", n(0))), put(table, item("pk", s(right), "v", n(0)))));
        AtomicBoolean writing = new AtomicBoolean(true);
        Future<?> writer = threads.submit(() -> {
            for (int i = 1; i <= 60; i++) {
                int version = i;
                ddb.transactWriteItems(r -> r.transactItems(put(table, item("pk", s(left), "v", n(version))),
                        put(table, item("pk", s(right), "v", n(version)))));
            }
            writing.set(false);
            return null;
        });
        List<String> torn = new ArrayList<>();
        int reads = 0;
        while (writing.get() || reads == 0) {
            try {
                var pair = ddb.transactGetItems(r -> r.transactItems(
                        TransactGetItem.builder().get(g -> g.tableName(table).key(item("pk", s(left)))).build(),
                        TransactGetItem.builder().get(g -> g.tableName(table).key(item("pk", s(right)))).build())).responses();
                if (!pair.get(0).item().get("v").equals(pair.get(1).item().get("v"))) {
                    torn.add(pair.get(0).item().get("v").n() + "/" + pair.get(1).item().get("v").n());
                }
                reads++;
            } catch (TransactionCanceledException conflict) {
                // AWS may cancel a read that collides with an ongoing write (TransactionConflict): not a torn read
            }
        }
        writer.get(1, TimeUnit.MINUTES);
        assertThat(torn).isEmpty();
    }

    @Test
    @DisplayName("Of 32 racing TransactWriteItems puts with attribute_not_exists on one item exactly one wins (Developer Guide: Transactions, conflict handling)")
    void thirtyTwoTransactionsRaceOneWins() throws Exception {
        String pk = unique();
        List<Future<Boolean>> attempts = race(32, writer -> {
            try {
                ddb.transactWriteItems(r -> r.transactItems(TransactWriteItem.builder().put(p -> p.tableName(table)
                        .item(item("pk", s(pk), "winner", n(writer))).conditionExpression("attribute_not_exists(pk)")).build()));
                return true;
            } catch (TransactionCanceledException lost) {
                return false;
            }
        });
        List<Integer> winners = winners(attempts);
        assertThat(winners).hasSize(1);
        assertThat(get(table, pk)).containsEntry("winner", n(winners.get(0)));
    }

    @Test
    @DisplayName("Of 32 racing PutItem calls with attribute_not_exists on one item exactly one wins (Developer Guide: Condition expressions, conditional writes)")
    void thirtyTwoPutsRaceOneWins() throws Exception {
        String pk = unique();
        List<Future<Boolean>> attempts = race(32, writer -> {
            try {
                ddb.putItem(p -> p.tableName(table).item(item("pk", s(pk), "winner", n(writer))).conditionExpression("attribute_not_exists(pk)"));
                return true;
            } catch (ConditionalCheckFailedException lost) {
                return false;
            }
        });
        List<Integer> winners = winners(attempts);
        assertThat(winners).hasSize(1);
        assertThat(get(table, pk)).containsEntry("winner", n(winners.get(0)));
    }

    interface Attempt {
        boolean run(int writer);
    }

    /** Starts every writer at once behind a latch. */
    List<Future<Boolean>> race(int writers, Attempt attempt) {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            int writer = i;
            attempts.add(threads.submit(() -> {
                start.await();
                return attempt.run(writer);
            }));
        }
        start.countDown();
        return attempts;
    }

    static List<Integer> winners(List<Future<Boolean>> attempts) throws Exception {
        List<Integer> winners = new ArrayList<>();
        for (int i = 0; i < attempts.size(); i++) {
            if (attempts.get(i).get(1, TimeUnit.MINUTES)) {
                winners.add(i);
            }
        }
        return winners;
    }
}
