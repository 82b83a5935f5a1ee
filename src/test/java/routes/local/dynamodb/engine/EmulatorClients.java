package routes.local.dynamodb.engine;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import routes.local.dynamodb.DynamoDbEmulator;
import routes.local.dynamodb.DynamoDbEmulatorSettings;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * One emulator shared by the engine's test classes (tables get unique names), and an SDK client for
 * it, configured as the brief says applications configure theirs.
 */
final class EmulatorClients {

    private static final AtomicInteger TABLES = new AtomicInteger();
    private static DynamoDbEmulator shared;
    private static DynamoDbClient sharedClient;

    private EmulatorClients() {}

    static synchronized DynamoDbEmulator emulator() {
        if (shared == null) {
            shared = DynamoDbEmulator.start(DynamoDbEmulatorSettings.defaults().withPort(0));
        }
        return shared;
    }

    static synchronized DynamoDbClient client() {
        if (sharedClient == null) {
            sharedClient = clientFor(emulator());
        }
        return sharedClient;
    }

    static DynamoDbEmulator startWithTtlInterval(Duration interval) {
        DynamoDbEmulatorSettings d = DynamoDbEmulatorSettings.defaults();
        return DynamoDbEmulator.start(new DynamoDbEmulatorSettings(d.host(), 0, d.region(), d.accountId(), null,
                d.shardRollover(), d.streamRetention(), d.iteratorLifetime(), interval));
    }

    static DynamoDbClient clientFor(DynamoDbEmulator emulator) {
        return DynamoDbClient.builder()
                .endpointOverride(emulator.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
    }

    static String uniqueName(String prefix) {
        return prefix + "-" + TABLES.incrementAndGet();
    }

    /** A PAY_PER_REQUEST table keyed by pk (S) and, when sortKey is not null, sk of that type. */
    static String createTable(DynamoDbClient client, String prefix, ScalarAttributeType sortKeyType) {
        String name = uniqueName(prefix);
        client.createTable(b -> {
            b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST);
            if (sortKeyType == null) {
                b.attributeDefinitions(attribute("pk", ScalarAttributeType.S)).keySchema(hash("pk"));
            } else {
                b.attributeDefinitions(attribute("pk", ScalarAttributeType.S), attribute("sk", sortKeyType))
                        .keySchema(hash("pk"), range("sk"));
            }
        });
        return name;
    }

    static AttributeDefinition attribute(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    static KeySchemaElement hash(String name) {
        return KeySchemaElement.builder().attributeName(name).keyType(KeyType.HASH).build();
    }

    static KeySchemaElement range(String name) {
        return KeySchemaElement.builder().attributeName(name).keyType(KeyType.RANGE).build();
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(String value) {
        return AttributeValue.fromN(value);
    }

    static Map<String, AttributeValue> key(String pk) {
        return Map.of("pk", s(pk));
    }
}
