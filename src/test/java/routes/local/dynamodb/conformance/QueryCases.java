package routes.local.dynamodb.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static routes.local.dynamodb.conformance.Attributes.item;
import static routes.local.dynamodb.conformance.Attributes.n;
import static routes.local.dynamodb.conformance.Attributes.s;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Query: key conditions, order, paging with Limit and ExclusiveStartKey, filters after Limit, the 1 MB
 * page, Select. Fixture: partition "q" with numeric sort keys 1..20, partition "big" with 25 items of
 * about 100 KB, and a string-sorted table.
 */
abstract class QueryCases extends ConformanceCases {

    static final int SMALL = 20;
    static final int BIG = 25;
    static final String PADDING = "x".repeat(100_000);

    String numbers;
    String strings;

    @BeforeAll
    void createQueryTables() {
        numbers = tables.hashRangeTable("pk", ScalarAttributeType.S, "sk", ScalarAttributeType.N);
        strings = tables.hashRangeTable("pk", ScalarAttributeType.S, "sk", ScalarAttributeType.S);
        for (int i = 1; i <= SMALL; i++) {
            int sk = i;
            ddb.putItem(b -> b.tableName(numbers).item(item("pk", s("q"), "sk", n(sk), "parity", s(sk % 2 == 0 ? "even" : "odd"))));
        }
        for (int i = 1; i <= BIG; i++) {
            int sk = i;
            ddb.putItem(b -> b.tableName(numbers).item(item("pk", s("big"), "sk", n(sk), "padding", s(PADDING))));
        }
        for (String sk : List.of("apple", "apricot", "banana", "Zebra", "a")) {
            ddb.putItem(b -> b.tableName(strings).item(item("pk", s("w"), "sk", s(sk))));
        }
    }

    QueryResponse query(String keyCondition, Object... values) {
        return ddb.query(b -> b.tableName(numbers).consistentRead(true).keyConditionExpression(keyCondition)
                .expressionAttributeValues(item(values)));
    }

    static List<Integer> sortKeys(QueryResponse response) {
        return response.items().stream().map(i -> Integer.parseInt(i.get("sk").n())).toList();
    }

    @Test
    @DisplayName("Query returns a partition's items in ascending sort key order by default (API Reference: Query, ScanIndexForward)")
    void ascendingByDefault() {
        QueryResponse response = query("pk = :p", ":p", s("q"));
        assertThat(sortKeys(response)).containsExactlyElementsOf(range(1, SMALL));
        assertThat(response.count()).isEqualTo(SMALL);
        assertThat(response.hasLastEvaluatedKey()).isFalse();
    }

    @Test
    @DisplayName("ScanIndexForward=false returns descending sort key order (API Reference: Query, ScanIndexForward)")
    void descendingWhenBackward() {
        QueryResponse response = ddb.query(b -> b.tableName(numbers).consistentRead(true).keyConditionExpression("pk = :p")
                .expressionAttributeValues(item(":p", s("q"))).scanIndexForward(false));
        List<Integer> descending = range(1, SMALL);
        Collections.reverse(descending);
        assertThat(sortKeys(response)).containsExactlyElementsOf(descending);
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("Sort key conditions =, <, <=, >, >=, BETWEEN select the documented range (Developer Guide: Key condition expressions)")
    @CsvSource(delimiter = '|', value = {
            "pk = :p AND sk = :a              | 3  |    | 3  | 3",
            "pk = :p AND sk < :a              | 3  |    | 1  | 2",
            "pk = :p AND sk <= :a             | 3  |    | 1  | 3",
            "pk = :p AND sk > :a              | 18 |    | 19 | 20",
            "pk = :p AND sk >= :a             | 18 |    | 18 | 20",
            "pk = :p AND sk BETWEEN :a AND :b | 5  | 8  | 5  | 8",
            "sk BETWEEN :a AND :b AND pk = :p | 5  | 8  | 5  | 8"})
    void sortKeyConditions(String condition, Integer a, Integer b, int first, int last) {
        Map<String, AttributeValue> values = item(":p", s("q"), ":a", n(a));
        if (b != null) {
            values.put(":b", n(b));
        }
        QueryResponse response = ddb.query(r -> r.tableName(numbers).consistentRead(true).keyConditionExpression(condition)
                .expressionAttributeValues(values));
        assertThat(sortKeys(response)).containsExactlyElementsOf(range(first, last));
    }

    @Test
    @DisplayName("begins_with on a string sort key, and string keys sort by UTF-8 bytes (Developer Guide: Key condition expressions)")
    void beginsWithAndByteOrder() {
        QueryResponse all = ddb.query(b -> b.tableName(strings).consistentRead(true).keyConditionExpression("pk = :p")
                .expressionAttributeValues(item(":p", s("w"))));
        assertThat(all.items()).extracting(i -> i.get("sk").s()).containsExactly("Zebra", "a", "apple", "apricot", "banana");
        QueryResponse ap = ddb.query(b -> b.tableName(strings).consistentRead(true)
                .keyConditionExpression("pk = :p AND begins_with(sk, :ap)").expressionAttributeValues(item(":p", s("w"), ":ap", s("ap"))));
        assertThat(ap.items()).extracting(i -> i.get("sk").s()).containsExactly("apple", "apricot");
    }

    @Test
    @DisplayName("Limit pages the result; LastEvaluatedKey fed back as ExclusiveStartKey continues after it (API Reference: Query, Limit / ExclusiveStartKey)")
    void pagingWithLimit() {
        List<Integer> seen = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        int pages = 0;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = ddb.query(b -> b.tableName(numbers).consistentRead(true).keyConditionExpression("pk = :p")
                    .expressionAttributeValues(item(":p", s("q"))).limit(6).exclusiveStartKey(from));
            assertThat(page.count()).isLessThanOrEqualTo(6);
            seen.addAll(sortKeys(page));
            start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
            pages++;
        } while (start != null);
        assertThat(seen).containsExactlyElementsOf(range(1, SMALL));
        assertThat(pages).isBetween(4, 5);
    }

    @Test
    @DisplayName("LastEvaluatedKey of a limited page is the key of its last item (API Reference: Query, LastEvaluatedKey)")
    void lastEvaluatedKeyIsLastItemKey() {
        QueryResponse page = ddb.query(b -> b.tableName(numbers).consistentRead(true).keyConditionExpression("pk = :p")
                .expressionAttributeValues(item(":p", s("q"))).limit(3));
        assertThat(page.lastEvaluatedKey()).isEqualTo(item("pk", s("q"), "sk", n(3)));
    }

    @Test
    @DisplayName("Paging backwards continues in descending order (API Reference: Query, ScanIndexForward / ExclusiveStartKey)")
    void pagingBackwards() {
        QueryResponse first = ddb.query(b -> b.tableName(numbers).consistentRead(true).keyConditionExpression("pk = :p")
                .expressionAttributeValues(item(":p", s("q"))).scanIndexForward(false).limit(5));
        QueryResponse second = ddb.query(b -> b.tableName(numbers).consistentRead(true).keyConditionExpression("pk = :p")
                .expressionAttributeValues(item(":p", s("q"))).scanIndexForward(false).limit(5)
                .exclusiveStartKey(first.lastEvaluatedKey()));
        assertThat(sortKeys(second)).containsExactly(15, 14, 13, 12, 11);
    }

    @Test
    @DisplayName("Limit counts items read before the FilterExpression: ScannedCount = Limit, Count = matches (API Reference: Query, Limit)")
    void limitBeforeFilter() {
        QueryResponse page = ddb.query(b -> b.tableName(numbers).consistentRead(true).keyConditionExpression("pk = :p")
                .filterExpression("parity = :even").expressionAttributeValues(item(":p", s("q"), ":even", s("even"))).limit(5));
        assertThat(page.scannedCount()).isEqualTo(5);
        assertThat(page.count()).isEqualTo(2);
        assertThat(sortKeys(page)).containsExactly(2, 4);
        assertThat(page.lastEvaluatedKey()).isEqualTo(item("pk", s("q"), "sk", n(5)));
    }

    @Test
    @DisplayName("A page that matches nothing after the filter still carries LastEvaluatedKey (API Reference: Query, FilterExpression)")
    void emptyFilteredPageStillPages() {
        QueryResponse page = ddb.query(b -> b.tableName(numbers).consistentRead(true).keyConditionExpression("pk = :p")
                .filterExpression("parity = :none").expressionAttributeValues(item(":p", s("q"), ":none", s("none"))).limit(3));
        assertThat(page.count()).isZero();
        assertThat(page.scannedCount()).isEqualTo(3);
        assertThat(page.hasLastEvaluatedKey()).isTrue();
    }

    @Test
    @DisplayName("Select COUNT returns Count and no Items (API Reference: Query, Select)")
    void selectCount() {
        QueryResponse response = ddb.query(b -> b.tableName(numbers).consistentRead(true).keyConditionExpression("pk = :p")
                .expressionAttributeValues(item(":p", s("q"))).select(Select.COUNT));
        assertThat(response.count()).isEqualTo(SMALL);
        assertThat(response.hasItems()).isFalse();
    }

    @Test
    @DisplayName("ProjectionExpression returns only the named attributes (API Reference: Query, ProjectionExpression)")
    void projection() {
        QueryResponse response = ddb.query(b -> b.tableName(numbers).consistentRead(true).keyConditionExpression("pk = :p AND sk = :one")
                .expressionAttributeValues(item(":p", s("q"), ":one", n(1))).projectionExpression("parity"));
        assertThat(response.items()).containsExactly(item("parity", s("odd")));
    }

    @Test
    @DisplayName("A Query page stops at 1 MB of items and sets LastEvaluatedKey; following it reads the rest (API Reference: Query, 1 MB limit)")
    void pagesStopAtOneMegabyte() {
        List<Integer> seen = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        int pages = 0;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = ddb.query(b -> b.tableName(numbers).consistentRead(true).keyConditionExpression("pk = :p")
                    .expressionAttributeValues(item(":p", s("big"))).exclusiveStartKey(from));
            // 100 KB items: at most 1 MB plus the item that crossed it
            assertThat(page.count()).isBetween(1, 11);
            seen.addAll(sortKeys(page));
            start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
            pages++;
        } while (start != null);
        assertThat(pages).isGreaterThanOrEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(range(1, BIG));
    }

    @Test
    @DisplayName("Query of an empty partition answers Count 0 without LastEvaluatedKey (API Reference: Query)")
    void emptyPartition() {
        QueryResponse response = query("pk = :p", ":p", s("nobody"));
        assertThat(response.count()).isZero();
        assertThat(response.hasLastEvaluatedKey()).isFalse();
    }

    @Test
    @DisplayName("A FilterExpression on a key attribute is a ValidationException (API Reference: Query, FilterExpression)")
    void filterOnKeyIsRejected() {
        validationError(() -> ddb.query(b -> b.tableName(numbers).keyConditionExpression("pk = :p").filterExpression("sk > :one")
                .expressionAttributeValues(item(":p", s("q"), ":one", n(1)))));
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("Key conditions without partition key equality, on non-key attributes, or with OR are ValidationExceptions (Developer Guide: Key condition expressions)")
    @CsvSource(delimiter = '|', value = {
            "sk = :one",
            "pk = :p AND parity = :one",
            "pk = :p OR sk = :one",
            "pk > :p",
            "pk = :p AND sk <> :one"})
    void invalidKeyConditions(String condition) {
        Map<String, AttributeValue> values = item(":p", s("q"), ":one", n(1));
        values.keySet().removeIf(name -> !condition.contains(name));
        validationError(() -> ddb.query(b -> b.tableName(numbers).keyConditionExpression(condition).expressionAttributeValues(values)));
    }

    @Test
    @DisplayName("Query on a table that does not exist is a ResourceNotFoundException (API Reference: Query, Errors)")
    void missingTable() {
        failsWith(ResourceNotFoundException.class, "ResourceNotFoundException",
                () -> ddb.query(QueryRequest.builder().tableName(ScratchTables.uniqueName()).keyConditionExpression("pk = :p")
                        .expressionAttributeValues(item(":p", s("q"))).build()));
    }

    static List<Integer> range(int first, int last) {
        List<Integer> values = new ArrayList<>();
        for (int i = first; i <= last; i++) {
            values.add(i);
        }
        return values;
    }
}
