package routes.local.dynamodb.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import routes.local.dynamodb.DynamoDbEmulator;
import routes.local.dynamodb.DynamoDbEmulatorSettings;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** SIGKILLs an emulator being written through the SDK; every PutItem it answered is there after a restart. */
class EmulatorCrashTest {

    private static final int ACKS_BEFORE_KILL = 400;

    @TempDir
    Path dir;

    @Test
    void everyAnsweredPutItemSurvivesKillMinusNine() throws Exception {
        List<String> acknowledged = runAndKill("crash");

        try (DynamoDbEmulator emulator = DynamoDbEmulator.start(DynamoDbEmulatorSettings.defaults().withPort(0).withDataDir(dir));
             DynamoDbClient dynamo = EmulatorRestartTest.dynamo(emulator);
             DynamoDbStreamsClient streams = EmulatorRestartTest.streams(emulator)) {
            for (String pk : acknowledged) {
                assertThat(dynamo.getItem(b -> b.tableName("orders").key(Map.of("pk", AttributeValue.fromS(pk)))).item())
                        .as("acknowledged %s", pk).isEqualTo(EmulatorRestartTest.order(pk));
            }
            String arn = EmulatorRestartTest.streamArn(streams);
            List<String> before = EmulatorRestartTest.readAll(streams, arn).stream().map(r -> r.dynamodb().sequenceNumber()).toList();
            assertThat(before).hasSizeGreaterThanOrEqualTo(acknowledged.size()).isSorted().doesNotHaveDuplicates();
            dynamo.putItem(b -> b.tableName("orders").item(EmulatorRestartTest.order("after-crash")));
            List<String> after = EmulatorRestartTest.readAll(streams, arn).stream().map(r -> r.dynamodb().sequenceNumber()).toList();
            assertThat(after).hasSize(before.size() + 1);
            assertThat(after.get(after.size() - 1)).isGreaterThan(before.get(before.size() - 1));
        }
    }

    private List<String> runAndKill(String run) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                EmulatorCrashingWriter.class.getName(), dir.toString(), run, "8")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        return AcknowledgedWrites.untilKilled(child, ACKS_BEFORE_KILL);
    }
}
