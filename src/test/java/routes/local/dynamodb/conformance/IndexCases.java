package routes.local.dynamodb.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static routes.local.dynamodb.conformance.Attributes.item;
import static routes.local.dynamodb.conformance.Attributes.n;
import static routes.local.dynamodb.conformance.Attributes.s;
import static routes.local.dynamodb.conformance.ScratchTables.definition;
import static routes.local.dynamodb.conformance.ScratchTables.key;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Secondary indexes (Developer Guide: Improving data access with secondary indexes): GSI and LSI
 * queries, sparse indexes, ALL / KEYS_ONLY / INCLUDE projections, and the errors. GSI reads are
 * eventually consistent, so GSI cases wait for the expected answer.
 */
abstract class IndexCases extends ConformanceCases {

    String table;

    @BeforeAll
    void createIndexedTable() {
        table = tables.create(CreateTableRequest.builder()
                .attributeDefinitions(definition("pk", ScalarAttributeType.S), definition("sk", ScalarAttributeType.S),
                        definition("gpk", ScalarAttributeType.S), definition("gsk", ScalarAttributeType.N),
                        definition("lsk", ScalarAttributeType.N))
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .globalSecondaryIndexes(
                        gsi("all", ProjectionType.ALL),
                        gsi("keys", ProjectionType.KEYS_ONLY),
                        GlobalSecondaryIndex.builder().indexName("include")
                                .keySchema(key("gpk", KeyType.HASH), key("gsk", KeyType.RANGE))
                                .projection(Projection.builder().projectionType(ProjectionType.INCLUDE).nonKeyAttributes("inc").build())
                                .build())
                .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("local")
                        .keySchema(key("pk", KeyType.HASH), key("lsk", KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build()));
    }

    static GlobalSecondaryIndex gsi(String name, ProjectionType projection) {
        return GlobalSecondaryIndex.builder().indexName(name)
                .keySchema(key("gpk", KeyType.HASH), key("gsk", KeyType.RANGE))
                .projection(Projection.builder().projectionType(projection).build()).build();
    }

    static String unique() {
        return "i-" + UUID.randomUUID();
    }

    void put(Object... attributes) {
        ddb.putItem(b -> b.tableName(table).item(item(attributes)));
    }

    QueryResponse queryIndex(String index, String gpk) {
        return ddb.query(b -> b.tableName(table).indexName(index).keyConditionExpression("gpk = :g")
                .expressionAttributeValues(item(":g", s(gpk))));
    }

    /** GSIs are eventually consistent: ask until the answer holds. */
    <T> T eventually(Supplier<T> read, Predicate<T> done) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(target().isRemote() ? 500 : 20))
                .until(read::get, done);
    }

    @Test
    @DisplayName("A GSI query finds items by the index key, sorted by the index sort key (Developer Guide: Global secondary indexes)")
    void gsiQuery() {
        String g = unique();
        put("pk", s(unique()), "sk", s("a"), "gpk", s(g), "gsk", n(2), "v", s("second"));
        put("pk", s(unique()), "sk", s("a"), "gpk", s(g), "gsk", n(1), "v", s("first"));
        QueryResponse response = eventually(() -> queryIndex("all", g), r -> r.count() == 2);
        assertThat(response.items()).extracting(i -> i.get("v").s()).containsExactly("first", "second");
    }

    @Test
    @DisplayName("Items without the index key attributes are not in the index: indexes are sparse (Developer Guide: Take advantage of sparse indexes)")
    void gsiIsSparse() {
        String pk = unique();
        String g = unique();
        put("pk", s(pk), "sk", s("with"), "gpk", s(g), "gsk", n(1));
        put("pk", s(pk), "sk", s("without-gsk"), "gpk", s(g));
        put("pk", s(pk), "sk", s("without"), "other", s("x"));
        QueryResponse response = eventually(() -> queryIndex("all", g), r -> r.count() >= 1);
        assertThat(response.items()).extracting(i -> i.get("sk").s()).containsExactly("with");
    }

    @Test
    @DisplayName("An LSI only holds items that have its sort key (Developer Guide: Local secondary indexes)")
    void lsiIsSparse() {
        String pk = unique();
        put("pk", s(pk), "sk", s("a"), "lsk", n(5));
        put("pk", s(pk), "sk", s("b"));
        QueryResponse response = ddb.query(b -> b.tableName(table).indexName("local").consistentRead(true)
                .keyConditionExpression("pk = :p").expressionAttributeValues(item(":p", s(pk))));
        assertThat(response.items()).extracting(i -> i.get("sk").s()).containsExactly("a");
    }

    @Test
    @DisplayName("A KEYS_ONLY index returns the table and index keys only (Developer Guide: Projections)")
    void keysOnlyProjection() {
        String pk = unique();
        String g = unique();
        put("pk", s(pk), "sk", s("a"), "gpk", s(g), "gsk", n(1), "inc", s("i"), "other", s("o"));
        QueryResponse response = eventually(() -> queryIndex("keys", g), r -> r.count() == 1);
        assertThat(response.items()).containsExactly(item("pk", s(pk), "sk", s("a"), "gpk", s(g), "gsk", n(1)));
    }

    @Test
    @DisplayName("An INCLUDE index returns the keys and the included attributes (Developer Guide: Projections)")
    void includeProjection() {
        String pk = unique();
        String g = unique();
        put("pk", s(pk), "sk", s("a"), "gpk", s(g), "gsk", n(1), "inc", s("i"), "other", s("o"));
        QueryResponse response = eventually(() -> queryIndex("include", g), r -> r.count() == 1);
        assertThat(response.items()).containsExactly(item("pk", s(pk), "sk", s("a"), "gpk", s(g), "gsk", n(1), "inc", s("i")));
    }

    @Test
    @DisplayName("ConsistentRead=true on a GSI Query is a ValidationException (API Reference: Query, ConsistentRead)")
    void consistentReadOnGsiQueryRejected() {
        var error = validationError(() -> ddb.query(b -> b.tableName(table).indexName("all").consistentRead(true)
                .keyConditionExpression("gpk = :g").expressionAttributeValues(item(":g", s("x")))));
        assertThat(error.awsErrorDetails().errorMessage()).contains("Consistent reads are not supported on global secondary indexes");
    }

    @Test
    @DisplayName("ConsistentRead=true on a GSI Scan is a ValidationException (API Reference: Scan, ConsistentRead)")
    @DynaliteDiffers("dynalite 4.0.0 scans the GSI; AWS: a GSI Scan with ConsistentRead true receives a ValidationException (API Reference: Scan, ConsistentRead)")
    void consistentReadOnGsiScanRejected() {
        var error = validationError(() -> ddb.scan(b -> b.tableName(table).indexName("all").consistentRead(true)));
        assertThat(error.awsErrorDetails().errorMessage()).contains("Consistent reads are not supported on global secondary indexes");
    }

    @Test
    @DisplayName("An LSI query with ConsistentRead=true returns items in LSI sort key order (Developer Guide: Local secondary indexes)")
    void lsiQueryConsistentAndSorted() {
        String pk = unique();
        put("pk", s(pk), "sk", s("a"), "lsk", n(30));
        put("pk", s(pk), "sk", s("b"), "lsk", n(10));
        put("pk", s(pk), "sk", s("c"), "lsk", n(20));
        QueryResponse response = ddb.query(b -> b.tableName(table).indexName("local").consistentRead(true)
                .keyConditionExpression("pk = :p AND lsk > :min").expressionAttributeValues(item(":p", s(pk), ":min", n(15))));
        assertThat(response.items()).extracting(i -> i.get("sk").s()).containsExactly("c", "a");
    }

    @Test
    @DisplayName("Query on an index the table does not have is a ValidationException (API Reference: Query, IndexName)")
    void unknownIndexRejected() {
        var error = validationError(() -> ddb.query(b -> b.tableName(table).indexName("nosuchindex")
                .keyConditionExpression("gpk = :g").expressionAttributeValues(item(":g", s("x")))));
        assertThat(error.awsErrorDetails().errorMessage()).contains("does not have the specified index");
    }

    @Test
    @DisplayName("An empty string as a GSI key attribute is a ValidationException (Developer Guide: Data types, empty strings in index keys)")
    @DynaliteDiffers("dynalite 4.0.0 stores the item (and leaves it out of the index); AWS: length zero only if the attribute is not used as a key for an index or table (Developer Guide: Data types, String)")
    void emptyStringIndexKeyRejected() {
        validationError(() -> put("pk", s(unique()), "sk", s("a"), "gpk", s(""), "gsk", n(1)));
    }

    @Test
    @DisplayName("A GSI key attribute of the wrong type is a ValidationException (Developer Guide: Global secondary indexes, attribute types)")
    void wrongTypeIndexKeyRejected() {
        validationError(() -> put("pk", s(unique()), "sk", s("a"), "gpk", s("g"), "gsk", s("not a number")));
    }

    @Test
    @DisplayName("Changing an item's index key moves it in the GSI; deleting it removes it (Developer Guide: Global secondary indexes, synchronizing)")
    void indexFollowsUpdates() {
        String pk = unique();
        String from = unique();
        String to = unique();
        put("pk", s(pk), "sk", s("a"), "gpk", s(from), "gsk", n(1));
        eventually(() -> queryIndex("all", from), r -> r.count() == 1);
        ddb.updateItem(b -> b.tableName(table).key(item("pk", s(pk), "sk", s("a")))
                .updateExpression("SET gpk = :to").expressionAttributeValues(item(":to", s(to))));
        eventually(() -> queryIndex("all", to), r -> r.count() == 1);
        assertThat(eventually(() -> queryIndex("all", from), r -> r.count() == 0).count()).isZero();
        ddb.deleteItem(b -> b.tableName(table).key(item("pk", s(pk), "sk", s("a"))));
        assertThat(eventually(() -> queryIndex("all", to), r -> r.count() == 0).count()).isZero();
    }

    @Test
    @DisplayName("A GSI LastEvaluatedKey holds the index key and the table key (API Reference: Query, LastEvaluatedKey)")
    void gsiLastEvaluatedKeyHasBothKeys() {
        String g = unique();
        String pk = unique();
        put("pk", s(pk), "sk", s("a"), "gpk", s(g), "gsk", n(1));
        put("pk", s(pk), "sk", s("b"), "gpk", s(g), "gsk", n(1));
        eventually(() -> queryIndex("all", g), r -> r.count() == 2);
        QueryResponse page = ddb.query(b -> b.tableName(table).indexName("all").keyConditionExpression("gpk = :g")
                .expressionAttributeValues(item(":g", s(g))).limit(1));
        assertThat(page.lastEvaluatedKey()).containsOnlyKeys("pk", "sk", "gpk", "gsk");
        QueryResponse rest = ddb.query(b -> b.tableName(table).indexName("all").keyConditionExpression("gpk = :g")
                .expressionAttributeValues(item(":g", s(g))).exclusiveStartKey(page.lastEvaluatedKey()));
        assertThat(rest.count()).isEqualTo(1);
        assertThat(rest.items().get(0).get("sk")).isNotEqualTo(page.items().get(0).get("sk"));
    }

    @Test
    @DisplayName("Select ALL_ATTRIBUTES on a KEYS_ONLY GSI is a ValidationException (API Reference: Query, Select)")
    void allAttributesOnKeysOnlyGsiRejected() {
        validationError(() -> ddb.query(b -> b.tableName(table).indexName("keys").select(Select.ALL_ATTRIBUTES)
                .keyConditionExpression("gpk = :g").expressionAttributeValues(item(":g", s("x")))));
    }

    @Test
    @DisplayName("Many items may share one GSI key: the index is not unique (Developer Guide: Global secondary indexes)")
    void gsiKeysNeedNotBeUnique() {
        String g = unique();
        for (String sk : List.of("a", "b", "c")) {
            put("pk", s(unique()), "sk", s(sk), "gpk", s(g), "gsk", n(7));
        }
        assertThat(eventually(() -> queryIndex("all", g), r -> r.count() == 3).count()).isEqualTo(3);
    }

    @Test
    @DisplayName("Scanning a GSI reads only the items it holds (API Reference: Scan, IndexName)")
    void gsiScan() {
        String g = unique();
        put("pk", s(unique()), "sk", s("a"), "gpk", s(g), "gsk", n(1));
        var response = eventually(() -> ddb.scan(b -> b.tableName(table).indexName("keys").filterExpression("gpk = :g")
                .expressionAttributeValues(Map.<String, AttributeValue>of(":g", s(g)))), r -> r.count() == 1);
        assertThat(response.items()).allSatisfy(i -> assertThat(i).containsKey("gpk"));
    }
}
