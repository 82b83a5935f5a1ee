package routes.local.dynamodb.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static routes.local.dynamodb.engine.EmulatorClients.attribute;
import static routes.local.dynamodb.engine.EmulatorClients.hash;
import static routes.local.dynamodb.engine.EmulatorClients.n;
import static routes.local.dynamodb.engine.EmulatorClients.range;
import static routes.local.dynamodb.engine.EmulatorClients.s;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/** Query and Scan on tables and secondary indexes: key conditions, order, paging, filters, segments. */
class QueryAndScanTest {

    private static DynamoDbClient dynamo;
    private static String table;

    @BeforeAll
    static void createTableWithIndexes() {
        dynamo = EmulatorClients.client();
        table = EmulatorClients.uniqueName("orders");
        dynamo.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("pk", ScalarAttributeType.S), attribute("sk", ScalarAttributeType.N),
                        attribute("status", ScalarAttributeType.S), attribute("placed", ScalarAttributeType.S))
                .keySchema(hash("pk"), range("sk"))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("by-status")
                        .keySchema(hash("status"), range("placed"))
                        .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build()).build())
                .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("by-placed")
                        .keySchema(hash("pk"), range("placed"))
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build()));
        for (int i = 1; i <= 10; i++) {
            int number = i;
            Map<String, AttributeValue> item = new java.util.HashMap<>(Map.of("pk", s("customer-a"), "sk", n(Integer.toString(number)),
                    "placed", s("2026-11-" + (30 - number)), "amount", n(Integer.toString(number * 10))));
            if (number % 2 == 0) {
                item.put("status", s("OPEN"));
            }
            dynamo.putItem(b -> b.tableName(table).item(item));
        }
        dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", s("customer-b"), "sk", n("1"), "status", s("OPEN"),
                "placed", s("2026-01-01"))));
    }

    private static List<String> sortKeys(List<Map<String, AttributeValue>> items) {
        return items.stream().map(i -> i.get("sk").n()).toList();
    }

    @Test
    void queryReturnsOnePartitionInSortKeyOrder() {
        QueryResponse response = dynamo.query(b -> b.tableName(table).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s("customer-a"))));

        assertThat(sortKeys(response.items())).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
        assertThat(response.count()).isEqualTo(10);
        assertThat(response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()).isFalse();
    }

    @Test
    void queryBackwardsWithARangeCondition() {
        QueryResponse response = dynamo.query(b -> b.tableName(table)
                .keyConditionExpression("pk = :pk AND sk BETWEEN :low AND :high").scanIndexForward(false)
                .expressionAttributeValues(Map.of(":pk", s("customer-a"), ":low", n("3"), ":high", n("6"))));

        assertThat(sortKeys(response.items())).containsExactly("6", "5", "4", "3");
    }

    @Test
    void queryWithLessThanAndGreaterOrEqual() {
        var below = dynamo.query(b -> b.tableName(table).keyConditionExpression("pk = :pk AND sk < :v")
                .expressionAttributeValues(Map.of(":pk", s("customer-a"), ":v", n("3"))));
        var atLeast = dynamo.query(b -> b.tableName(table).keyConditionExpression("pk = :pk AND sk >= :v")
                .expressionAttributeValues(Map.of(":pk", s("customer-a"), ":v", n("9"))));

        assertThat(sortKeys(below.items())).containsExactly("1", "2");
        assertThat(sortKeys(atLeast.items())).containsExactly("9", "10");
    }

    // API Reference, Query "Limit": items are counted before the filter; LastEvaluatedKey resumes.
    @Test
    void limitCountsItemsBeforeTheFilterAndPagesResume() {
        Map<String, AttributeValue> values = Map.of(":pk", s("customer-a"), ":min", n("50"));
        QueryResponse first = dynamo.query(b -> b.tableName(table).keyConditionExpression("pk = :pk")
                .filterExpression("amount > :min").expressionAttributeValues(values).limit(6));
        QueryResponse second = dynamo.query(b -> b.tableName(table).keyConditionExpression("pk = :pk")
                .filterExpression("amount > :min").expressionAttributeValues(values).limit(6)
                .exclusiveStartKey(first.lastEvaluatedKey()));

        assertThat(first.scannedCount()).isEqualTo(6);
        assertThat(sortKeys(first.items())).containsExactly("6");
        assertThat(first.lastEvaluatedKey()).containsEntry("sk", n("6"));
        assertThat(sortKeys(second.items())).containsExactly("7", "8", "9", "10");
        assertThat(second.lastEvaluatedKey()).isEmpty();
    }

    // API Reference, Query "LastEvaluatedKey": present when the Limit stopped the page, even if nothing follows.
    @Test
    void limitThatEndsExactlyAtTheLastItemStillReturnsALastEvaluatedKey() {
        QueryResponse page = dynamo.query(b -> b.tableName(table).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s("customer-b"))).limit(1));
        QueryResponse after = dynamo.query(b -> b.tableName(table).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s("customer-b"))).limit(1).exclusiveStartKey(page.lastEvaluatedKey()));

        assertThat(page.lastEvaluatedKey()).containsEntry("pk", s("customer-b"));
        assertThat(after.items()).isEmpty();
        assertThat(after.lastEvaluatedKey()).isEmpty();
    }

    @Test
    void selectCountReturnsOnlyTheCount() {
        QueryResponse response = dynamo.query(b -> b.tableName(table).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s("customer-a"))).select(Select.COUNT));

        assertThat(response.count()).isEqualTo(10);
        assertThat(response.items()).isEmpty();
    }

    // Developer Guide, "Sparse indexes": items without the index key are not in the index.
    @Test
    void globalIndexIsSparseAndProjectsKeysOnly() {
        QueryResponse response = dynamo.query(b -> b.tableName(table).indexName("by-status")
                .keyConditionExpression("#s = :open").expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":open", s("OPEN"))));

        assertThat(response.items()).hasSize(6);
        assertThat(response.items().get(0)).containsOnlyKeys("pk", "sk", "status", "placed");
        assertThat(response.items().stream().map(i -> i.get("placed").s()).toList()).isSorted();
    }

    @Test
    void globalIndexPagesCarryIndexAndTableKeys() {
        QueryResponse first = dynamo.query(b -> b.tableName(table).indexName("by-status")
                .keyConditionExpression("#s = :open").expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":open", s("OPEN"))).limit(4));
        QueryResponse rest = dynamo.query(b -> b.tableName(table).indexName("by-status")
                .keyConditionExpression("#s = :open").expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":open", s("OPEN"))).exclusiveStartKey(first.lastEvaluatedKey()));

        assertThat(first.lastEvaluatedKey()).containsOnlyKeys("pk", "sk", "status", "placed");
        assertThat(first.items().size() + rest.items().size()).isEqualTo(6);
    }

    // API Reference, Query "ConsistentRead": not supported on global secondary indexes.
    @Test
    void consistentReadOnAGlobalIndexIsRejected() {
        assertThatThrownBy(() -> dynamo.query(b -> b.tableName(table).indexName("by-status").consistentRead(true)
                .keyConditionExpression("#s = :open").expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":open", s("OPEN")))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("Consistent reads are not supported on global secondary indexes");
    }

    @Test
    void localIndexOrdersByItsSortKey() {
        QueryResponse response = dynamo.query(b -> b.tableName(table).indexName("by-placed")
                .keyConditionExpression("pk = :pk AND begins_with(placed, :month)")
                .expressionAttributeValues(Map.of(":pk", s("customer-a"), ":month", s("2026-11-2"))));

        assertThat(response.items().stream().map(i -> i.get("placed").s()).toList())
                .containsExactly("2026-11-20", "2026-11-21", "2026-11-22", "2026-11-23", "2026-11-24",
                        "2026-11-25", "2026-11-26", "2026-11-27", "2026-11-28", "2026-11-29");
        assertThat(response.items().get(0)).containsKey("amount");
    }

    @Test
    void queryWithoutThePartitionKeyIsRejected() {
        assertThatThrownBy(() -> dynamo.query(b -> b.tableName(table).keyConditionExpression("sk = :v")
                .expressionAttributeValues(Map.of(":v", n("1")))))
                .isInstanceOf(DynamoDbException.class);
    }

    @Test
    void queryOnAMissingIndexIsRejected() {
        assertThatThrownBy(() -> dynamo.query(b -> b.tableName(table).indexName("nope").keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s("x")))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("The table does not have the specified index: nope");
    }

    @Test
    void scanPagesThroughEveryItemOnce() {
        List<Map<String, AttributeValue>> all = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            ScanResponse page = dynamo.scan(b -> b.tableName(table).limit(3).exclusiveStartKey(from));
            all.addAll(page.items());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);

        assertThat(all).hasSize(11);
        assertThat(new HashSet<>(all)).hasSize(11);
    }

    // API Reference, Scan "Segment": segments of a parallel scan together cover the table once.
    @Test
    void parallelScanSegmentsPartitionTheTable() {
        String wide = EmulatorClients.createTable(dynamo, "wide", null);
        for (int i = 0; i < 40; i++) {
            String pk = "item-" + i;
            dynamo.putItem(b -> b.tableName(wide).item(Map.of("pk", s(pk))));
        }
        Set<String> seen = new HashSet<>();
        int total = 0;
        for (int segment = 0; segment < 4; segment++) {
            int current = segment;
            List<Map<String, AttributeValue>> items = dynamo.scan(b -> b.tableName(wide).segment(current).totalSegments(4)).items();
            total += items.size();
            items.forEach(i -> seen.add(i.get("pk").s()));
        }

        assertThat(total).isEqualTo(40);
        assertThat(seen).hasSize(40);
    }

    @Test
    void segmentOutOfRangeIsRejected() {
        assertThatThrownBy(() -> dynamo.scan(b -> b.tableName(table).segment(2).totalSegments(2)))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("The Segment parameter is zero-based and must be less than parameter TotalSegments");
    }

    // Developer Guide, "Paginating table query results": a page stops at 1 MB of data read.
    @Test
    void scanPageStopsAtOneMegabyte() {
        String heavy = EmulatorClients.createTable(dynamo, "heavy", null);
        String payload = "x".repeat(300 * 1024);
        for (int i = 0; i < 5; i++) {
            String pk = "big-" + i;
            dynamo.putItem(b -> b.tableName(heavy).item(Map.of("pk", s(pk), "payload", s(payload))));
        }

        ScanResponse first = dynamo.scan(b -> b.tableName(heavy));

        assertThat(first.count()).isEqualTo(4);
        assertThat(first.lastEvaluatedKey()).isNotEmpty();
    }

    @Test
    void scanWithAFilterCountsScannedAndMatched() {
        ScanResponse response = dynamo.scan(b -> b.tableName(table).filterExpression("attribute_exists(amount) AND amount <= :v")
                .expressionAttributeValues(Map.of(":v", n("30"))));

        assertThat(response.count()).isEqualTo(3);
        assertThat(response.scannedCount()).isEqualTo(11);
    }
}
