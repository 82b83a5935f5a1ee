package routes.local.dynamodb.conformance;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/**
 * The tables one conformance class made: uniquely named ("conf-" + random), on-demand unless the
 * request says otherwise, waited for until ACTIVE (indexes too), all dropped when the class ends.
 */
public final class ScratchTables {

    private final ConformanceTarget target;
    private final DynamoDbClient ddb;
    private final DynamoDbWaiter waiter;
    private final List<String> created = new ArrayList<>();

    ScratchTables(ConformanceTarget target) {
        this.target = target;
        this.ddb = target.dynamoDb();
        Duration poll = target.isRemote() ? Duration.ofSeconds(2) : Duration.ofMillis(50);
        this.waiter = DynamoDbWaiter.builder().client(ddb)
                .overrideConfiguration(WaiterOverrideConfiguration.builder()
                        .backoffStrategy(FixedDelayBackoffStrategy.create(poll))
                        .waitTimeout(Duration.ofMinutes(10))
                        .maxAttempts(Integer.MAX_VALUE)
                        .build())
                .build();
    }

    public static String uniqueName() {
        return "conf-" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toLowerCase(Locale.ROOT);
    }

    /** Creates the table (a unique name when none is set) and returns its name once it is usable. */
    public String create(CreateTableRequest.Builder request) {
        CreateTableRequest draft = request.build();
        if (draft.tableName() == null) {
            request.tableName(uniqueName());
        }
        if (draft.billingMode() == null && draft.provisionedThroughput() == null) {
            request.billingMode(BillingMode.PAY_PER_REQUEST);
        }
        String name = ddb.createTable(request.build()).tableDescription().tableName();
        created.add(name);
        awaitActive(name);
        return name;
    }

    /** A table keyed by one partition key. */
    public String hashTable(String hashName, ScalarAttributeType hashType) {
        return create(CreateTableRequest.builder()
                .attributeDefinitions(definition(hashName, hashType))
                .keySchema(key(hashName, KeyType.HASH)));
    }

    /** A table keyed by a partition key and a sort key. */
    public String hashRangeTable(String hashName, ScalarAttributeType hashType, String rangeName, ScalarAttributeType rangeType) {
        return create(CreateTableRequest.builder()
                .attributeDefinitions(definition(hashName, hashType), definition(rangeName, rangeType))
                .keySchema(key(hashName, KeyType.HASH), key(rangeName, KeyType.RANGE)));
    }

    /** Waits for the table and every one of its global secondary indexes to be ACTIVE. */
    public TableDescription awaitActive(String name) {
        waiter.waitUntilTableExists(b -> b.tableName(name));
        await("indexes of " + name + " ACTIVE").atMost(Duration.ofMinutes(15))
                .pollInterval(target.isRemote() ? Duration.ofSeconds(5) : Duration.ofMillis(50))
                .until(() -> ddb.describeTable(b -> b.tableName(name)).table().globalSecondaryIndexes().stream()
                        .allMatch(index -> index.indexStatus() == IndexStatus.ACTIVE));
        return ddb.describeTable(b -> b.tableName(name)).table();
    }

    /** Drops a table now and waits until it is gone. */
    public void delete(String name) {
        try {
            ddb.deleteTable(b -> b.tableName(name));
            waiter.waitUntilTableNotExists(b -> b.tableName(name));
        } catch (ResourceNotFoundException alreadyGone) {
            // a test dropped it itself
        }
        created.remove(name);
    }

    void deleteAll() {
        for (String name : List.copyOf(created)) {
            delete(name);
        }
    }

    public static AttributeDefinition definition(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    public static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
