package routes.local.dynamodb.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static routes.local.dynamodb.engine.EmulatorClients.s;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** Conditional writes are linearizable: racing creators of one item see exactly one winner. */
class ConcurrentWritesTest {

    @Test
    void thirtyTwoRacingConditionalPutsHaveExactlyOneWinner() throws Exception {
        DynamoDbClient dynamo = EmulatorClients.client();
        String table = EmulatorClients.createTable(dynamo, "race", null);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(32);
        try {
            List<Future<Boolean>> outcomes = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                String writer = "writer-" + i;
                outcomes.add(threads.submit(() -> {
                    start.await();
                    try {
                        dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", s("contended"), "writer", s(writer)))
                                .conditionExpression("attribute_not_exists(pk)"));
                        return true;
                    } catch (ConditionalCheckFailedException lost) {
                        return false;
                    }
                }));
            }
            start.countDown();
            int winners = 0;
            for (Future<Boolean> outcome : outcomes) {
                winners += outcome.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
    }
}
