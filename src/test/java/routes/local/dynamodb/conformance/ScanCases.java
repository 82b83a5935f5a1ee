package routes.local.dynamodb.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static routes.local.dynamodb.conformance.Attributes.item;
import static routes.local.dynamodb.conformance.Attributes.n;
import static routes.local.dynamodb.conformance.Attributes.s;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Scan: whole-table reads, paging, Limit before the filter, the 1 MB page, parallel segments. Fixture:
 * a table of 40 small items and a table of 25 items of about 100 KB.
 */
abstract class ScanCases extends ConformanceCases {

    static final int SMALL = 40;
    static final int BIG = 25;

    String small;
    String big;

    @BeforeAll
    void createScanTables() {
        small = tables.hashTable("pk", ScalarAttributeType.S);
        big = tables.hashTable("pk", ScalarAttributeType.S);
        for (int i = 0; i < SMALL; i++) {
            int id = i;
            ddb.putItem(b -> b.tableName(small).item(item("pk", s("k" + id), "n", n(id), "tens", n(id / 10))));
        }
        String padding = "y".repeat(100_000);
        for (int i = 0; i < BIG; i++) {
            int id = i;
            ddb.putItem(b -> b.tableName(big).item(item("pk", s("b" + id), "padding", s(padding))));
        }
    }

    /** Every page of a scan, following LastEvaluatedKey. */
    List<ScanResponse> scanAll(String table, Consumer<ScanRequest.Builder> options) {
        List<ScanResponse> pages = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            ScanRequest.Builder request = ScanRequest.builder().tableName(table).consistentRead(true).exclusiveStartKey(start);
            options.accept(request);
            ScanResponse page = ddb.scan(request.build());
            pages.add(page);
            start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
        } while (start != null && pages.size() < 100);
        return pages;
    }

    static List<String> keys(List<ScanResponse> pages) {
        return pages.stream().flatMap(p -> p.items().stream()).map(i -> i.get("pk").s()).toList();
    }

    @Test
    @DisplayName("Scan reads every item of the table once (API Reference: Scan)")
    void scanReadsEverything() {
        List<ScanResponse> pages = scanAll(small, b -> {});
        assertThat(keys(pages)).hasSize(SMALL).doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "Limit {0}")
    @DisplayName("Scan with Limit pages through every item exactly once via LastEvaluatedKey (API Reference: Scan, Limit / ExclusiveStartKey)")
    @ValueSource(ints = {1, 7, 40})
    void pagingWithLimit(int limit) {
        List<ScanResponse> pages = scanAll(small, b -> b.limit(limit));
        assertThat(pages).allSatisfy(p -> assertThat(p.count()).isLessThanOrEqualTo(limit));
        assertThat(keys(pages)).hasSize(SMALL).doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("Limit counts items read before the FilterExpression: ScannedCount = Limit (API Reference: Scan, Limit)")
    void limitBeforeFilter() {
        ScanResponse page = ddb.scan(b -> b.tableName(small).consistentRead(true).limit(10)
                .filterExpression("tens = :zero").expressionAttributeValues(item(":zero", n(0))));
        assertThat(page.scannedCount()).isEqualTo(10);
        assertThat(page.count()).isLessThanOrEqualTo(10);
        assertThat(page.hasLastEvaluatedKey()).isTrue();
    }

    @Test
    @DisplayName("A filtered scan returns exactly the matching items across pages; ScannedCount counts all read (API Reference: Scan, FilterExpression)")
    void filterAcrossPages() {
        List<ScanResponse> pages = scanAll(small, b -> b.limit(9).filterExpression("tens = :one").expressionAttributeValues(item(":one", n(1))));
        assertThat(keys(pages)).containsExactlyInAnyOrder("k10", "k11", "k12", "k13", "k14", "k15", "k16", "k17", "k18", "k19");
        assertThat(pages.stream().mapToInt(ScanResponse::scannedCount).sum()).isEqualTo(SMALL);
    }

    @Test
    @DisplayName("A Scan FilterExpression may name the key attributes (API Reference: Scan, FilterExpression)")
    void filterOnKeyAttribute() {
        List<ScanResponse> pages = scanAll(small, b -> b.filterExpression("pk = :k").expressionAttributeValues(item(":k", s("k7"))));
        assertThat(keys(pages)).containsExactly("k7");
    }

    @Test
    @DisplayName("A Scan page stops at 1 MB of items and sets LastEvaluatedKey (API Reference: Scan, 1 MB limit)")
    void pagesStopAtOneMegabyte() {
        List<ScanResponse> pages = scanAll(big, b -> {});
        // 100 KB items: at most 1 MB plus the item that crossed it
        assertThat(pages).allSatisfy(p -> assertThat(p.count()).isBetween(0, 11));
        assertThat(pages.size()).isGreaterThanOrEqualTo(3);
        assertThat(keys(pages)).hasSize(BIG).doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("Parallel scan: TotalSegments segments are disjoint and together cover the table (Developer Guide: Parallel scan)")
    void parallelSegmentsCoverTable() {
        Set<String> union = new HashSet<>();
        int total = 0;
        for (int segment = 0; segment < 4; segment++) {
            int current = segment;
            List<String> keys = keys(scanAll(small, b -> b.segment(current).totalSegments(4).limit(5)));
            total += keys.size();
            union.addAll(keys);
        }
        assertThat(total).isEqualTo(SMALL);
        assertThat(union).hasSize(SMALL);
    }

    @Test
    @DisplayName("Segment not below TotalSegments is a ValidationException (API Reference: Scan, Segment)")
    void segmentOutOfRangeIsRejected() {
        validationError(() -> ddb.scan(b -> b.tableName(small).segment(4).totalSegments(4)));
    }

    @Test
    @DisplayName("Segment without TotalSegments is a ValidationException (API Reference: Scan, Segment)")
    @DynaliteDiffers("dynalite 4.0.0 scans the whole table; AWS: if you provide Segment, you must also provide TotalSegments (API Reference: Scan, Segment)")
    void segmentWithoutTotalIsRejected() {
        validationError(() -> ddb.scan(b -> b.tableName(small).segment(0)));
    }

    @Test
    @DisplayName("Select COUNT returns Count and ScannedCount without Items (API Reference: Scan, Select)")
    void selectCount() {
        ScanResponse response = ddb.scan(b -> b.tableName(small).consistentRead(true).select(Select.COUNT));
        assertThat(response.count()).isEqualTo(SMALL);
        assertThat(response.scannedCount()).isEqualTo(SMALL);
        assertThat(response.hasItems()).isFalse();
    }

    @Test
    @DisplayName("Scan ProjectionExpression returns only the named attributes (API Reference: Scan, ProjectionExpression)")
    void projection() {
        List<ScanResponse> pages = scanAll(small, b -> b.projectionExpression("n"));
        assertThat(pages.stream().flatMap(p -> p.items().stream())).allSatisfy(i -> assertThat(i).containsOnlyKeys("n"));
    }

    @Test
    @DisplayName("Limit 0 is a ValidationException (API Reference: Scan, Limit minimum 1)")
    void zeroLimitIsRejected() {
        validationError(() -> ddb.scan(b -> b.tableName(small).limit(0)));
    }
}
