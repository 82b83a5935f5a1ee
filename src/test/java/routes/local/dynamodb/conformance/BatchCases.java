package routes.local.dynamodb.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static routes.local.dynamodb.conformance.Attributes.item;
import static routes.local.dynamodb.conformance.Attributes.n;
import static routes.local.dynamodb.conformance.Attributes.s;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** BatchWriteItem and BatchGetItem across two tables, their limits and errors. */
abstract class BatchCases extends ConformanceCases {

    String first;
    String second;

    @BeforeAll
    void createBatchTables() {
        first = tables.hashTable("pk", ScalarAttributeType.S);
        second = tables.hashTable("pk", ScalarAttributeType.S);
    }

    static String unique() {
        return "b-" + UUID.randomUUID();
    }

    static WriteRequest put(Map<String, AttributeValue> item) {
        return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
    }

    static WriteRequest delete(Map<String, AttributeValue> key) {
        return WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(key).build()).build();
    }

    static KeysAndAttributes keys(List<Map<String, AttributeValue>> keys) {
        return KeysAndAttributes.builder().keys(keys).consistentRead(true).build();
    }

    @Test
    @DisplayName("BatchWriteItem puts and deletes in two tables; BatchGetItem reads them back per table (API Reference: BatchWriteItem, BatchGetItem)")
    void writeThenGetAcrossTables() {
        String a = unique();
        String b = unique();
        String gone = unique();
        ddb.putItem(r -> r.tableName(second).item(item("pk", s(gone))));
        var written = ddb.batchWriteItem(r -> r.requestItems(Map.of(
                first, List.of(put(item("pk", s(a), "v", n(1)))),
                second, List.of(put(item("pk", s(b), "v", n(2))), delete(item("pk", s(gone)))))));
        assertThat(written.unprocessedItems()).isEmpty();
        BatchGetItemResponse read = ddb.batchGetItem(r -> r.requestItems(Map.of(
                first, keys(List.of(item("pk", s(a)))),
                second, keys(List.of(item("pk", s(b)), item("pk", s(gone)))))));
        assertThat(read.responses().get(first)).containsExactly(item("pk", s(a), "v", n(1)));
        assertThat(read.responses().get(second)).containsExactly(item("pk", s(b), "v", n(2)));
        assertThat(read.unprocessedKeys()).isEmpty();
    }

    @Test
    @DisplayName("BatchGetItem leaves out keys that have no item (API Reference: BatchGetItem)")
    void missingKeysAreLeftOut() {
        String a = unique();
        ddb.putItem(r -> r.tableName(first).item(item("pk", s(a))));
        var read = ddb.batchGetItem(r -> r.requestItems(Map.of(first, keys(List.of(item("pk", s(a)), item("pk", s(unique())))))));
        assertThat(read.responses().get(first)).containsExactly(item("pk", s(a)));
    }

    @Test
    @DisplayName("BatchGetItem ProjectionExpression applies per table (API Reference: BatchGetItem, KeysAndAttributes)")
    void projectionPerTable() {
        String a = unique();
        ddb.putItem(r -> r.tableName(first).item(item("pk", s(a), "keep", s("k"), "drop", s("d"))));
        var read = ddb.batchGetItem(r -> r.requestItems(Map.of(first, KeysAndAttributes.builder()
                .keys(item("pk", s(a))).projectionExpression("keep").consistentRead(true).build())));
        assertThat(read.responses().get(first)).containsExactly(item("keep", s("k")));
    }

    @Test
    @DisplayName("BatchWriteItem with more than 25 requests is a ValidationException (API Reference: BatchWriteItem)")
    void moreThan25WritesRejected() {
        List<WriteRequest> writes = IntStream.range(0, 26).mapToObj(i -> put(item("pk", s(unique())))).toList();
        validationError(() -> ddb.batchWriteItem(r -> r.requestItems(Map.of(first, writes))));
    }

    @Test
    @DisplayName("BatchGetItem with more than 100 keys is a ValidationException (API Reference: BatchGetItem)")
    void moreThan100KeysRejected() {
        List<Map<String, AttributeValue>> keys = IntStream.range(0, 101).mapToObj(i -> item("pk", s(unique()))).toList();
        validationError(() -> ddb.batchGetItem(r -> r.requestItems(Map.of(first, keys(keys)))));
    }

    @Test
    @DisplayName("BatchWriteItem with two requests for one key is a ValidationException and writes nothing (API Reference: BatchWriteItem)")
    void duplicateWriteKeysRejected() {
        String a = unique();
        String other = unique();
        validationError(() -> ddb.batchWriteItem(r -> r.requestItems(Map.of(first,
                List.of(put(item("pk", s(other))), put(item("pk", s(a), "v", n(1))), delete(item("pk", s(a))))))));
        assertThat(ddb.getItem(r -> r.tableName(first).key(item("pk", s(other))).consistentRead(true)).hasItem()).isFalse();
    }

    @Test
    @DisplayName("BatchGetItem with a key twice is a ValidationException (API Reference: BatchGetItem)")
    void duplicateGetKeysRejected() {
        String a = unique();
        validationError(() -> ddb.batchGetItem(r -> r.requestItems(Map.of(first, keys(List.of(item("pk", s(a)), item("pk", s(a))))))));
    }

    @Test
    @DisplayName("BatchWriteItem with an item missing its key fails as a whole: ValidationException, nothing written (API Reference: BatchWriteItem)")
    void invalidItemFailsWholeBatch() {
        String a = unique();
        validationError(() -> ddb.batchWriteItem(r -> r.requestItems(Map.of(first,
                List.of(put(item("pk", s(a))), put(item("other", s("no key"))))))));
        assertThat(ddb.getItem(r -> r.tableName(first).key(item("pk", s(a))).consistentRead(true)).hasItem()).isFalse();
    }

    @Test
    @DisplayName("BatchWriteItem naming a table that does not exist is a ResourceNotFoundException (API Reference: BatchWriteItem)")
    void missingTableRejected() {
        failsWith(ResourceNotFoundException.class, "ResourceNotFoundException", () -> ddb.batchWriteItem(r -> r.requestItems(Map.of(
                ScratchTables.uniqueName(), List.of(put(item("pk", s("x"))))))));
    }

    @Test
    @DisplayName("BatchGetItem answers at most 16 MB; the remaining keys come back as UnprocessedKeys (API Reference: BatchGetItem)")
    void sixteenMegabytesThenUnprocessedKeys() {
        String padding = "p".repeat(390_000);
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            Map<String, AttributeValue> key = item("pk", s(unique()));
            keys.add(key);
            Map<String, AttributeValue> big = item("pk", key.get("pk"), "padding", s(padding));
            ddb.putItem(r -> r.tableName(second).item(big));
        }
        var read = ddb.batchGetItem(r -> r.requestItems(Map.of(second, keys(keys))));
        int returned = read.responses().get(second).size();
        int unprocessed = read.unprocessedKeys().containsKey(second) ? read.unprocessedKeys().get(second).keys().size() : 0;
        assertThat(returned).isLessThanOrEqualTo(16 * 1024 * 1024 / 390_000);
        assertThat(returned + unprocessed).isEqualTo(45);
    }
}
