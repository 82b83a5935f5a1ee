package routes.local.dynamodb.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static routes.local.dynamodb.conformance.Attributes.item;
import static routes.local.dynamodb.conformance.Attributes.s;
import static routes.local.dynamodb.conformance.ScratchTables.definition;
import static routes.local.dynamodb.conformance.ScratchTables.key;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/** CreateTable, DescribeTable, ListTables, UpdateTable and DeleteTable (API Reference). */
abstract class ControlPlaneCases extends ConformanceCases {

    static final String NO_STREAMS = "dynalite 4.0.0 has no DynamoDB Streams (API Reference: StreamSpecification)";

    TableDescription describe(String name) {
        return ddb.describeTable(b -> b.tableName(name)).table();
    }

    @ParameterizedTest(name = "HASH {0}")
    @DisplayName("CreateTable with a HASH key of type S, N or B; DescribeTable shows it ACTIVE and on demand (API Reference: CreateTable, DescribeTable)")
    @EnumSource(value = ScalarAttributeType.class, names = {"S", "N", "B"})
    void hashKeyTable(ScalarAttributeType type) {
        String name = tables.hashTable("id", type);
        TableDescription table = describe(name);
        assertThat(table.tableName()).isEqualTo(name);
        assertThat(table.tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(table.keySchema()).containsExactly(key("id", KeyType.HASH));
        assertThat(table.attributeDefinitions()).containsExactly(definition("id", type));
        assertThat(table.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(table.tableArn()).startsWith("arn:aws:dynamodb:").endsWith(":table/" + name);
        assertThat(table.itemCount()).isZero();
    }

    @ParameterizedTest(name = "HASH S + RANGE {0}")
    @DisplayName("CreateTable with HASH and RANGE keys; the RANGE key may be S, N or B (API Reference: CreateTable, KeySchema)")
    @EnumSource(value = ScalarAttributeType.class, names = {"S", "N", "B"})
    void hashRangeTable(ScalarAttributeType type) {
        String name = tables.hashRangeTable("pk", ScalarAttributeType.S, "sk", type);
        TableDescription table = describe(name);
        assertThat(table.keySchema()).containsExactly(key("pk", KeyType.HASH), key("sk", KeyType.RANGE));
        assertThat(table.attributeDefinitions()).containsExactlyInAnyOrder(definition("pk", ScalarAttributeType.S), definition("sk", type));
    }

    @Test
    @DisplayName("CreateTable in PROVISIONED mode reports its ProvisionedThroughput (API Reference: CreateTable, BillingMode)")
    void provisionedTable() {
        String name = tables.create(CreateTableRequest.builder().billingMode(BillingMode.PROVISIONED)
                .provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1L))
                .attributeDefinitions(definition("pk", ScalarAttributeType.S)).keySchema(key("pk", KeyType.HASH)));
        TableDescription table = describe(name);
        assertThat(table.provisionedThroughput().readCapacityUnits()).isEqualTo(1L);
        assertThat(table.provisionedThroughput().writeCapacityUnits()).isEqualTo(1L);
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("CreateTable with a GSI and an LSI of projection ALL, KEYS_ONLY or INCLUDE; DescribeTable lists them (API Reference: CreateTable, Projection)")
    @EnumSource(value = ProjectionType.class, names = {"ALL", "KEYS_ONLY", "INCLUDE"})
    void tableWithIndexes(ProjectionType type) {
        Projection projection = type == ProjectionType.INCLUDE
                ? Projection.builder().projectionType(type).nonKeyAttributes("extra").build()
                : Projection.builder().projectionType(type).build();
        String name = tables.create(CreateTableRequest.builder()
                .attributeDefinitions(definition("pk", ScalarAttributeType.S), definition("sk", ScalarAttributeType.S),
                        definition("g", ScalarAttributeType.S), definition("l", ScalarAttributeType.N))
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("by-g").keySchema(key("g", KeyType.HASH))
                        .projection(projection).build())
                .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("by-l")
                        .keySchema(key("pk", KeyType.HASH), key("l", KeyType.RANGE)).projection(projection).build()));
        TableDescription table = describe(name);
        assertThat(table.globalSecondaryIndexes()).singleElement().satisfies(gsi -> {
            assertThat(gsi.indexName()).isEqualTo("by-g");
            assertThat(gsi.keySchema()).containsExactly(key("g", KeyType.HASH));
            assertThat(gsi.projection()).isEqualTo(projection);
            assertThat(gsi.indexArn()).endsWith(":table/" + name + "/index/by-g");
        });
        assertThat(table.localSecondaryIndexes()).singleElement().satisfies(lsi -> {
            assertThat(lsi.indexName()).isEqualTo("by-l");
            assertThat(lsi.projection()).isEqualTo(projection);
        });
    }

    @Test
    @DisplayName("CreateTable with StreamSpecification: DescribeTable shows LatestStreamArn and LatestStreamLabel (API Reference: CreateTable, TableDescription)")
    @DynaliteDiffers(NO_STREAMS)
    void tableWithStream() {
        String name = tables.create(CreateTableRequest.builder()
                .attributeDefinitions(definition("pk", ScalarAttributeType.S)).keySchema(key("pk", KeyType.HASH))
                .streamSpecification(spec -> spec.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
        TableDescription table = describe(name);
        assertThat(table.streamSpecification().streamEnabled()).isTrue();
        assertThat(table.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
        assertThat(table.latestStreamLabel()).isNotBlank();
        assertThat(table.latestStreamArn()).endsWith(":table/" + name + "/stream/" + table.latestStreamLabel());
    }

    @Test
    @DisplayName("UpdateTable turns a stream on, off and on again; each enabling makes a new stream ARN (API Reference: UpdateTable, StreamSpecification)")
    @DynaliteDiffers(NO_STREAMS)
    void updateTableStreams() {
        String name = tables.hashTable("pk", ScalarAttributeType.S);
        assertThat(describe(name).latestStreamArn()).isNull();
        ddb.updateTable(b -> b.tableName(name).streamSpecification(spec -> spec.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY)));
        String firstArn = tables.awaitActive(name).latestStreamArn();
        assertThat(firstArn).isNotNull();
        ddb.updateTable(b -> b.tableName(name).streamSpecification(spec -> spec.streamEnabled(false)));
        TableDescription off = tables.awaitActive(name);
        assertThat(off.streamSpecification() == null || !off.streamSpecification().streamEnabled()).isTrue();
        ddb.updateTable(b -> b.tableName(name).streamSpecification(spec -> spec.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)));
        TableDescription again = tables.awaitActive(name);
        assertThat(again.latestStreamArn()).isNotEqualTo(firstArn);
        assertThat(again.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_IMAGE);
    }

    @Test
    @DisplayName("Enabling a stream on a table that has one is a ValidationException (API Reference: UpdateTable, StreamSpecification)")
    @DynaliteDiffers(NO_STREAMS)
    void enablingStreamTwiceRejected() {
        String name = tables.create(CreateTableRequest.builder()
                .attributeDefinitions(definition("pk", ScalarAttributeType.S)).keySchema(key("pk", KeyType.HASH))
                .streamSpecification(spec -> spec.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY)));
        validationError(() -> ddb.updateTable(b -> b.tableName(name)
                .streamSpecification(spec -> spec.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY))));
    }

    @Test
    @DisplayName("UpdateTable adds a GSI that is backfilled with existing items, then drops it (API Reference: UpdateTable, GlobalSecondaryIndexUpdates)")
    @DynaliteDiffers("dynalite 4.0.0 demands ProvisionedThroughput for a new GSI on an on-demand table; AWS: on-demand tables take none (API Reference: CreateGlobalSecondaryIndexAction)")
    void addAndDropGsi() {
        String name = tables.hashTable("pk", ScalarAttributeType.S);
        ddb.putItem(b -> b.tableName(name).item(item("pk", s("p1"), "g", s("G"))));
        ddb.updateTable(b -> b.tableName(name).attributeDefinitions(definition("pk", ScalarAttributeType.S), definition("g", ScalarAttributeType.S))
                .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("by-g").keySchema(key("g", KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.ALL)))));
        TableDescription withIndex = tables.awaitActive(name);
        assertThat(withIndex.globalSecondaryIndexes()).extracting(GlobalSecondaryIndexDescription::indexName).containsExactly("by-g");
        await().atMost(Duration.ofMinutes(1)).until(() -> ddb.query(b -> b.tableName(name).indexName("by-g")
                .keyConditionExpression("g = :g").expressionAttributeValues(item(":g", s("G")))).count() == 1);
        ddb.updateTable(b -> b.tableName(name).globalSecondaryIndexUpdates(u -> u.delete(d -> d.indexName("by-g"))));
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(target().isRemote() ? 5000 : 50))
                .until(() -> describe(name).globalSecondaryIndexes().isEmpty());
    }

    @Test
    @DisplayName("CreateTable with a name in use is a ResourceInUseException (API Reference: CreateTable, Errors)")
    void duplicateTableRejected() {
        String name = tables.hashTable("pk", ScalarAttributeType.S);
        failsWith(ResourceInUseException.class, "ResourceInUseException", () -> ddb.createTable(b -> b.tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(definition("pk", ScalarAttributeType.S)).keySchema(key("pk", KeyType.HASH))));
    }

    @Test
    @DisplayName("DescribeTable of a missing table is a ResourceNotFoundException (API Reference: DescribeTable, Errors)")
    void describeMissingTable() {
        var error = failsWith(ResourceNotFoundException.class, "ResourceNotFoundException",
                () -> describe(ScratchTables.uniqueName()));
        assertThat(error.awsErrorDetails().errorMessage()).startsWith("Requested resource not found");
    }

    @Test
    @DisplayName("ListTables pages with Limit and ExclusiveStartTableName, in name order (API Reference: ListTables)")
    void listTablesPaged() {
        List<String> ours = List.of(tables.hashTable("pk", ScalarAttributeType.S), tables.hashTable("pk", ScalarAttributeType.S),
                tables.hashTable("pk", ScalarAttributeType.S));
        List<String> all = new ArrayList<>();
        String start = null;
        do {
            String from = start;
            ListTablesResponse page = ddb.listTables(b -> b.limit(2).exclusiveStartTableName(from));
            assertThat(page.tableNames().size()).isLessThanOrEqualTo(2);
            all.addAll(page.tableNames());
            start = page.lastEvaluatedTableName();
        } while (start != null);
        assertThat(all).containsAll(ours).isSorted().doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("DeleteTable answers the description and the table disappears (API Reference: DeleteTable)")
    void deleteTable() {
        String name = tables.hashTable("pk", ScalarAttributeType.S);
        TableDescription deleting = ddb.deleteTable(b -> b.tableName(name)).tableDescription();
        assertThat(deleting.tableName()).isEqualTo(name);
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(target().isRemote() ? 2000 : 20))
                .until(() -> {
                    try {
                        describe(name);
                        return false;
                    } catch (ResourceNotFoundException gone) {
                        return true;
                    }
                });
        tables.delete(name);
    }

    @Test
    @DisplayName("DeleteTable of a missing table is a ResourceNotFoundException (API Reference: DeleteTable, Errors)")
    void deleteMissingTable() {
        failsWith(ResourceNotFoundException.class, "ResourceNotFoundException",
                () -> ddb.deleteTable(b -> b.tableName(ScratchTables.uniqueName())));
    }

    @Test
    @DisplayName("A key attribute missing from AttributeDefinitions is a ValidationException (API Reference: CreateTable, AttributeDefinitions)")
    void undefinedKeyAttributeRejected() {
        validationError(() -> ddb.createTable(b -> b.tableName(ScratchTables.uniqueName()).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(definition("other", ScalarAttributeType.S)).keySchema(key("pk", KeyType.HASH))));
    }

    @Test
    @DisplayName("An AttributeDefinition no key uses is a ValidationException (API Reference: CreateTable, AttributeDefinitions)")
    void unusedAttributeDefinitionRejected() {
        validationError(() -> ddb.createTable(b -> b.tableName(ScratchTables.uniqueName()).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(definition("pk", ScalarAttributeType.S), definition("spare", ScalarAttributeType.S))
                .keySchema(key("pk", KeyType.HASH))));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @DisplayName("Table names must be 3-255 characters of a-z A-Z 0-9 _ - . : others are ValidationExceptions (Developer Guide: Naming rules)")
    @ValueSource(strings = {"ab", "has space", "slash/name", "star*"})
    void invalidTableNamesRejected(String name) {
        validationError(() -> ddb.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(definition("pk", ScalarAttributeType.S)).keySchema(key("pk", KeyType.HASH))));
    }

    @Test
    @DisplayName("An LSI on a table without a sort key is a ValidationException (API Reference: CreateTable, LocalSecondaryIndexes)")
    void lsiWithoutTableSortKeyRejected() {
        validationError(() -> ddb.createTable(b -> b.tableName(ScratchTables.uniqueName()).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(definition("pk", ScalarAttributeType.S), definition("l", ScalarAttributeType.S))
                .keySchema(key("pk", KeyType.HASH))
                .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("by-l")
                        .keySchema(key("pk", KeyType.HASH), key("l", KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.ALL)).build())));
    }

    @Test
    @DisplayName("PROVISIONED billing without ProvisionedThroughput is a ValidationException (API Reference: CreateTable, BillingMode)")
    void provisionedWithoutThroughputRejected() {
        validationError(() -> ddb.createTable(b -> b.tableName(ScratchTables.uniqueName()).billingMode(BillingMode.PROVISIONED)
                .attributeDefinitions(definition("pk", ScalarAttributeType.S)).keySchema(key("pk", KeyType.HASH))));
    }

    @Test
    @DisplayName("PAY_PER_REQUEST billing with ProvisionedThroughput is a ValidationException (API Reference: CreateTable, BillingMode)")
    void onDemandWithThroughputRejected() {
        validationError(() -> ddb.createTable(b -> b.tableName(ScratchTables.uniqueName()).billingMode(BillingMode.PAY_PER_REQUEST)
                .provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1L))
                .attributeDefinitions(definition("pk", ScalarAttributeType.S)).keySchema(key("pk", KeyType.HASH))));
    }
}
