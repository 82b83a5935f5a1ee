import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import routes.local.dynamodb.DynamoDbEmulator;
import routes.local.dynamodb.DynamoDbEmulatorSettings;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Heap the embedded DynamoDB needs for ITEMS items of about 1 KB: loads them through BatchWriteItem,
 * then reports the heap in use after a full GC, against the same JVM before loading (the baseline).
 * Run it with a heap cap (bench/ddb-memory.sh uses -Xmx300m): finishing at all is the first result.
 *
 * Usage: java -Xmx300m -cp CLASSPATH bench/DdbMemory.java [ITEMS=100000]
 */
public class DdbMemory {

    public static void main(String[] args) throws Exception {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        try (DynamoDbEmulator emulator = DynamoDbEmulator.start(DynamoDbEmulatorSettings.defaults().withPort(0));
                DynamoDbClient ddb = DynamoDbClient.builder().region(Region.US_EAST_1).endpointOverride(emulator.endpoint())
                        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                        .build()) {
            ddb.createTable(b -> b.tableName("memory").billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH)));
            long baseline = usedHeapAfterGc();
            String payload = "x".repeat(1000);
            List<WriteRequest> batch = new ArrayList<>();
            for (int i = 0; i < items; i++) {
                batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(Map.of(
                        "pk", AttributeValue.fromS(String.format("item-%08d", i)),
                        "payload", AttributeValue.fromS(payload + i))).build()).build());
                if (batch.size() == 25 || i == items - 1) {
                    List<WriteRequest> request = List.copyOf(batch);
                    ddb.batchWriteItem(b -> b.requestItems(Map.of("memory", request)));
                    batch.clear();
                }
            }
            long loaded = usedHeapAfterGc();
            long count = ddb.describeTable(b -> b.tableName("memory")).table().itemCount();
            System.out.printf("items stored: %d of about 1 KB (max heap %d MB)%n", count,
                    Runtime.getRuntime().maxMemory() / (1024 * 1024));
            System.out.printf("heap in use after a full GC: %.0f MB before loading, %.0f MB after; the items take %.0f MB (%.2f KB each)%n",
                    baseline / 1048576.0, loaded / 1048576.0, (loaded - baseline) / 1048576.0, (loaded - baseline) / 1024.0 / items);
        }
    }

    static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            ManagementFactory.getMemoryMXBean().gc();
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
