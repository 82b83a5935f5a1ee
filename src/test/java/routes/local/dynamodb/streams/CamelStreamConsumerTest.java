package routes.local.dynamodb.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static routes.local.dynamodb.streams.StreamsThroughSdkTest.createStreamedTable;
import static routes.local.dynamodb.streams.StreamsThroughSdkTest.item;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import routes.local.dynamodb.DynamoDbEmulator;
import routes.local.dynamodb.DynamoDbEmulatorSettings;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** What the outbox relay does: Camel 4.17's aws2-ddbstream consumer reading the emulator's stream. */
class CamelStreamConsumerTest {

    @Test
    void camelsStreamConsumerReceivesEveryNewItemFromLatest() throws Exception {
        try (DynamoDbEmulator emulator = DynamoDbEmulator.start(DynamoDbEmulatorSettings.defaults().withPort(0));
             DynamoDbClient dynamo = StreamsThroughSdkTest.dynamoClient(emulator);
             DynamoDbStreamsClient streams = StreamsThroughSdkTest.streamsClient(emulator);
             CamelContext camel = new DefaultCamelContext()) {
            createStreamedTable(dynamo, "camel-outbox", StreamViewType.NEW_IMAGE);
            dynamo.putItem(b -> b.tableName("camel-outbox").item(item("before-start", "x")));
            List<String> received = new CopyOnWriteArrayList<>();
            camel.getRegistry().bind("streamsClient", streams);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("aws2-ddbstream:camel-outbox?amazonDynamoDbStreamsClient=#streamsClient&delay=50")
                            .routeId("camel-stream-test")
                            .process(e -> received.add(e.getIn().getBody(Record.class).dynamodb().newImage().get("pk").s()));
                }
            });
            camel.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> camel.getRouteController()
                    .getRouteStatus("camel-stream-test").isStarted());
            // FROM_LATEST only sees what follows its first poll: write probes until one arrives.
            AtomicInteger probes = new AtomicInteger();
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
                String probe = "probe-" + probes.incrementAndGet();
                dynamo.putItem(b -> b.tableName("camel-outbox").item(item(probe, "x")));
                return !received.isEmpty();
            });

            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String pk = "item-" + i;
                expected.add(pk);
                dynamo.putItem(b -> b.tableName("camel-outbox").item(item(pk, "x")));
            }

            await().atMost(Duration.ofSeconds(20)).until(() -> received.contains("item-19"));
            assertThat(received).doesNotContain("before-start");
            assertThat(received.stream().filter(pk -> pk.startsWith("item-")).toList()).isEqualTo(expected);
        }
    }
}
