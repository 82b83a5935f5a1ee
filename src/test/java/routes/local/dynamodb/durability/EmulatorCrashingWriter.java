package routes.local.dynamodb.durability;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import routes.local.dynamodb.DynamoDbEmulator;
import routes.local.dynamodb.DynamoDbEmulatorSettings;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Run in a child JVM by {@link EmulatorCrashTest}: the whole emulator on a data directory, written through
 * the SDK from many threads until killed; prints "ACK <pk>" once PutItem has answered.
 * Arguments: data directory, run name, thread count.
 */
public final class EmulatorCrashingWriter {

    private EmulatorCrashingWriter() {}

    public static void main(String[] args) throws Exception {
        DynamoDbEmulator emulator = DynamoDbEmulator.start(
                DynamoDbEmulatorSettings.defaults().withPort(0).withDataDir(Path.of(args[0])));
        DynamoDbClient dynamo = EmulatorRestartTest.dynamo(emulator);
        EmulatorRestartTest.ensureOrdersTable(dynamo);
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < Integer.parseInt(args[2]); t++) {
            String prefix = args[1] + "-" + t + "-";
            Thread writer = new Thread(() -> {
                for (int i = 0; ; i++) {
                    String pk = prefix + i;
                    dynamo.putItem(b -> b.tableName("orders").item(EmulatorRestartTest.order(pk)));
                    synchronized (System.out) {
                        System.out.println("ACK " + pk);
                        System.out.flush();
                    }
                }
            });
            writers.add(writer);
            writer.start();
        }
        for (Thread writer : writers) writer.join();
    }
}
