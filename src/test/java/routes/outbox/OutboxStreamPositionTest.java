package routes.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.SuspendableService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import routes.order.OrderEvents;
import routes.ordersaga.Order;
import routes.ordersaga.OrderLog;
import routes.support.EmbeddedAwsTest;
import routes.support.TestOrders;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsRequest;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The relay against what a real stream does over hours, compressed into seconds by the embedded
 * DynamoDB's clocks: shards roll over, records age out of the stream, iterators expire. In each case
 * the stream path (not only the sweeper) goes on publishing new events.
 */
@EmbeddedAwsTest
@TestPropertySource(properties = {
        "app.local.dynamodb-shard-rollover=2s",
        "app.local.dynamodb-stream-retention=6s",
        "app.local.dynamodb-iterator-lifetime=4s"})
class OutboxStreamPositionTest {

    @Autowired OrderLog orders;
    @Autowired CamelContext camel;
    @Autowired MeterRegistry meters;
    @Autowired DynamoDbStreamsClient streams;

    @Test
    void theStreamPathFollowsTheOutboxAcrossShardRollovers() {
        Set<String> shardsSeen = new HashSet<>();
        outboxShards().forEach(s -> shardsSeen.add(s.shardId()));
        int before = shardsSeen.size();
        double byStream = publishedByStream();

        // Three rollovers under a trickle of writes: the relay must follow the chain of child shards.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            commitOrders(1);
            outboxShards().forEach(s -> shardsSeen.add(s.shardId()));
            return shardsSeen.size() >= before + 3;
        });

        assertThat(outboxShards()).filteredOn(s -> s.parentShardId() != null).isNotEmpty();
        assertNewEventsGoThroughTheStream(byStream);
    }

    @Test
    void aRelayPausedLongerThanTheStreamRetentionIsRestartedAndResumesOnTheStream() throws Exception {
        assertNewEventsGoThroughTheStream(publishedByStream());
        Consumer paused = relayConsumer();
        pauseStreamConsumer();
        try {
            // Records the paused consumer still points before age out of the stream (trimmed).
            List<String> written = commitOrders(3);
            await().atMost(Duration.ofSeconds(20)).until(() -> !streamHoldsAny(written));
        } finally {
            resumeStreamConsumer();
        }
        // OutboxStreamRecovery replaces the consumer that lost its position.
        await().atMost(Duration.ofSeconds(20)).until(() -> relayConsumer() != paused);
        assertNewEventsGoThroughTheStream(publishedByStream());
    }

    @Test
    void aRelayPausedLongerThanAnIteratorLivesResumesOnTheStream() throws Exception {
        assertNewEventsGoThroughTheStream(publishedByStream());
        pauseStreamConsumer();
        try {
            // The consumer's iterators, taken before the pause, expire with this one.
            String probe = latestIteratorOfNewestShard();
            await().atMost(Duration.ofSeconds(20)).until(() -> isExpired(probe));
        } finally {
            resumeStreamConsumer();
        }
        // Camel asks for a fresh iterator after the last record it saw on the shard; where it saw none,
        // the stream refuses that and OutboxStreamRecovery restarts the relay.
        assertNewEventsGoThroughTheStream(publishedByStream());
    }

    /** Keeps committing events until one more is published by the stream path. */
    private void assertNewEventsGoThroughTheStream(double publishedBefore) {
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            commitOrders(1);
            return publishedByStream() > publishedBefore;
        });
    }

    // Suspending the route would stop and recreate its consumer; suspending the consumer keeps its
    // shard iterators, as a long GC pause or a stalled poll would.
    private void pauseStreamConsumer() {
        ((SuspendableService) relayConsumer()).suspend();
    }

    private void resumeStreamConsumer() {
        ((SuspendableService) relayConsumer()).resume();
    }

    private Consumer relayConsumer() {
        return camel.getRoute(OutboxRelayRoute.RELAY_ROUTE).getConsumer();
    }

    private double publishedByStream() {
        return meters.counter("outbox.events.published", "path", "stream").count();
    }

    private String outboxStreamArn() {
        return streams.listStreams(b -> b.tableName("outbox")).streams().get(0).streamArn();
    }

    private List<Shard> outboxShards() {
        String streamArn = outboxStreamArn();
        return streams.describeStream(b -> b.streamArn(streamArn)).streamDescription().shards();
    }

    private boolean streamHoldsAny(List<String> orderIds) {
        String streamArn = outboxStreamArn();
        for (Shard shard : outboxShards()) {
            try {
                String iterator = streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shard.shardId())
                        .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
                while (iterator != null) {
                    GetRecordsResponse page = streams.getRecords(GetRecordsRequest.builder().shardIterator(iterator).build());
                    boolean found = page.records().stream().map(r -> r.dynamodb().keys().get("aggregateKey").s())
                            .anyMatch(key -> orderIds.stream().anyMatch(id -> key.equals("order#" + id)));
                    if (found) {
                        return true;
                    }
                    iterator = page.records().isEmpty() ? null : page.nextShardIterator();
                }
            } catch (ResourceNotFoundException | TrimmedDataAccessException e) {
                // The shard aged out between DescribeStream and the read: it holds nothing any more.
            }
        }
        return false;
    }

    private String latestIteratorOfNewestShard() {
        String streamArn = outboxStreamArn();
        List<Shard> shards = outboxShards();
        String shardId = shards.get(shards.size() - 1).shardId();
        return streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shardId)
                .shardIteratorType(ShardIteratorType.LATEST)).shardIterator();
    }

    private boolean isExpired(String iterator) {
        try {
            streams.getRecords(GetRecordsRequest.builder().shardIterator(iterator).build());
            return false;
        } catch (ExpiredIteratorException e) {
            return true;
        }
    }

    /** Orders written straight through the saga log, each with its order.created event, no saga run. */
    private List<String> commitOrders(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String orderId = "position-" + UUID.randomUUID();
            Order order = TestOrders.pendingOrder(orderId).createdAt(Instant.now()).build();
            orders.create(order, OrderEvents.CREATED, OrderEvents.created(order), null);
            ids.add(orderId);
        }
        return ids;
    }
}
