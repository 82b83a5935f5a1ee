package routes.local.dynamodb.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static routes.local.dynamodb.engine.EmulatorClients.attribute;
import static routes.local.dynamodb.engine.EmulatorClients.hash;
import static routes.local.dynamodb.engine.EmulatorClients.s;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/** CreateTable, DescribeTable, ListTables, UpdateTable and DeleteTable through the AWS SDK v2. */
class ControlPlaneTest {

    private static DynamoDbClient dynamo;

    @BeforeAll
    static void client() {
        dynamo = EmulatorClients.client();
    }

    @Test
    void createdTableIsActiveAndDescribedWithItsStream() {
        String name = EmulatorClients.uniqueName("described");
        dynamo.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("pk", ScalarAttributeType.S)).keySchema(hash("pk"))
                .streamSpecification(st -> st.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
        dynamo.putItem(b -> b.tableName(name).item(Map.of("pk", s("one"))));

        TableDescription table = dynamo.describeTable(b -> b.tableName(name)).table();

        assertThat(table.tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(table.itemCount()).isEqualTo(1);
        assertThat(table.tableSizeBytes()).isPositive();
        assertThat(table.tableArn()).isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/" + name);
        assertThat(table.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(table.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
        assertThat(table.latestStreamLabel()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}");
        assertThat(table.latestStreamArn()).endsWith("table/" + name + "/stream/" + table.latestStreamLabel());
        dynamo.waiter().waitUntilTableExists(b -> b.tableName(name));
    }

    @Test
    void creatingAnExistingTableIsResourceInUse() {
        String name = EmulatorClients.createTable(dynamo, "twice", null);

        assertThatThrownBy(() -> createAgain(name)).isInstanceOf(ResourceInUseException.class);
    }

    private static void createAgain(String name) {
        dynamo.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("pk", ScalarAttributeType.S)).keySchema(hash("pk")));
    }

    // API Reference, CreateTable "AttributeDefinitions": only key attributes, all of them.
    @Test
    void attributeDefinitionsMustMatchTheKeys() {
        assertThatThrownBy(() -> dynamo.createTable(b -> b.tableName(EmulatorClients.uniqueName("extra"))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("pk", ScalarAttributeType.S), attribute("other", ScalarAttributeType.S))
                .keySchema(hash("pk"))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions");
        assertThatThrownBy(() -> dynamo.createTable(b -> b.tableName(EmulatorClients.uniqueName("missing"))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("other", ScalarAttributeType.S)).keySchema(hash("pk"))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("Some index key attributes are not defined in AttributeDefinitions");
    }

    // API Reference, CreateTable "KeySchema": the HASH element comes first.
    @Test
    void keySchemaMustStartWithTheHashKey() {
        assertThatThrownBy(() -> dynamo.createTable(b -> b.tableName(EmulatorClients.uniqueName("range-first"))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("pk", ScalarAttributeType.S), attribute("sk", ScalarAttributeType.S))
                .keySchema(EmulatorClients.range("sk"), hash("pk"))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
    }

    @Test
    void provisionedTableNeedsThroughput() {
        assertThatThrownBy(() -> dynamo.createTable(b -> b.tableName(EmulatorClients.uniqueName("prov"))
                .attributeDefinitions(attribute("pk", ScalarAttributeType.S)).keySchema(hash("pk"))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("ReadCapacityUnits and WriteCapacityUnits must both be specified");
        String name = EmulatorClients.uniqueName("prov");
        dynamo.createTable(b -> b.tableName(name).attributeDefinitions(attribute("pk", ScalarAttributeType.S)).keySchema(hash("pk"))
                .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(7L)));
        TableDescription table = dynamo.describeTable(b -> b.tableName(name)).table();
        assertThat(table.billingModeSummary().billingMode()).isEqualTo(BillingMode.PROVISIONED);
        assertThat(table.provisionedThroughput().readCapacityUnits()).isEqualTo(5L);
    }

    @Test
    void describeOfAMissingTableIsResourceNotFound() {
        assertThatThrownBy(() -> dynamo.describeTable(b -> b.tableName("never-created")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("Requested resource not found");
    }

    @Test
    void listTablesPagesInNameOrder() {
        String first = EmulatorClients.createTable(dynamo, "zz-list-a", null);
        String second = EmulatorClients.createTable(dynamo, "zz-list-b", null);

        ListTablesResponse page = dynamo.listTables(b -> b.exclusiveStartTableName("zz-list").limit(1));
        ListTablesResponse next = dynamo.listTables(b -> b.exclusiveStartTableName(page.lastEvaluatedTableName()).limit(1));

        assertThat(page.tableNames()).containsExactly(first);
        assertThat(next.tableNames()).containsExactly(second);
    }

    @Test
    void deletedTableIsDescribedAsDeletingThenGone() {
        String name = EmulatorClients.createTable(dynamo, "deleted", null);

        TableDescription deleting = dynamo.deleteTable(b -> b.tableName(name)).tableDescription();

        assertThat(deleting.tableStatus()).isEqualTo(TableStatus.DELETING);
        assertThat(dynamo.listTables().tableNames()).doesNotContain(name);
        assertThatThrownBy(() -> dynamo.getItem(b -> b.tableName(name).key(Map.of("pk", s("x")))))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void streamReEnabledGetsANewLabel() throws Exception {
        String name = EmulatorClients.uniqueName("restream");
        dynamo.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("pk", ScalarAttributeType.S)).keySchema(hash("pk"))
                .streamSpecification(st -> st.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY)));
        String firstLabel = dynamo.describeTable(b -> b.tableName(name)).table().latestStreamLabel();

        dynamo.updateTable(b -> b.tableName(name).streamSpecification(st -> st.streamEnabled(false)));
        TableDescription disabled = dynamo.describeTable(b -> b.tableName(name)).table();
        org.awaitility.Awaitility.await().until(() -> !java.time.Instant.now().toString().startsWith(firstLabel.substring(0, 23)));
        dynamo.updateTable(b -> b.tableName(name).streamSpecification(st -> st.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)));
        TableDescription enabled = dynamo.describeTable(b -> b.tableName(name)).table();

        assertThat(disabled.streamSpecification()).isNull();
        assertThat(disabled.latestStreamLabel()).isEqualTo(firstLabel);
        assertThat(enabled.latestStreamLabel()).isNotEqualTo(firstLabel);
        assertThat(enabled.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_IMAGE);
    }

    @Test
    void indexCreatedLaterIsFilledFromExistingItems() {
        String name = EmulatorClients.createTable(dynamo, "backfill", null);
        dynamo.putItem(b -> b.tableName(name).item(Map.of("pk", s("a"), "email", s("a@example.org"))));
        dynamo.putItem(b -> b.tableName(name).item(Map.of("pk", s("b"))));
        dynamo.putItem(b -> b.tableName(name).item(Map.of("pk", s("c"), "email", EmulatorClients.n("42"))));

        dynamo.updateTable(b -> b.tableName(name).attributeDefinitions(attribute("email", ScalarAttributeType.S))
                .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder().create(c -> c.indexName("by-email")
                        .keySchema(hash("email")).projection(p -> p.projectionType(ProjectionType.ALL))).build()));

        TableDescription table = dynamo.describeTable(b -> b.tableName(name)).table();
        assertThat(table.globalSecondaryIndexes()).singleElement().satisfies(index -> {
            assertThat(index.indexStatus()).isEqualTo(IndexStatus.ACTIVE);
            assertThat(index.itemCount()).isEqualTo(1);
        });
        assertThat(dynamo.query(b -> b.tableName(name).indexName("by-email").keyConditionExpression("email = :e")
                .expressionAttributeValues(Map.of(":e", s("a@example.org")))).items()).hasSize(1);

        dynamo.updateTable(b -> b.tableName(name).globalSecondaryIndexUpdates(
                GlobalSecondaryIndexUpdate.builder().delete(d -> d.indexName("by-email")).build()));
        assertThat(dynamo.describeTable(b -> b.tableName(name)).table().hasGlobalSecondaryIndexes()).isFalse();
    }

    // API Reference, PutItem: an index key value of the wrong type or an empty string is rejected.
    @Test
    void indexKeyAttributesAreValidated() {
        String name = EmulatorClients.uniqueName("indexed");
        dynamo.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("pk", ScalarAttributeType.S), attribute("gk", ScalarAttributeType.S))
                .keySchema(hash("pk"))
                .globalSecondaryIndexes(g -> g.indexName("by-gk").keySchema(hash("gk")).projection(p -> p.projectionType(ProjectionType.ALL))));

        assertThatThrownBy(() -> dynamo.putItem(b -> b.tableName(name).item(Map.of("pk", s("a"), "gk", s("")))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("The AttributeValue for a key attribute cannot contain an empty string value");
        assertThatThrownBy(() -> dynamo.putItem(b -> b.tableName(name).item(Map.of("pk", s("a"), "gk", EmulatorClients.n("1")))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("Type mismatch for Index Key gk");
    }
}
