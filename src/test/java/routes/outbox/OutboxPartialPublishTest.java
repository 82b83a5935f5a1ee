package routes.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.camel.CamelContext;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import routes.support.EmbeddedAwsPortsInitializer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchRequest;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;
import software.amazon.awssdk.services.sns.model.PublishBatchResultEntry;

/**
 * SNS accepting only part of a PublishBatch, on both relay paths: the accepted events are published
 * once and marked, only the refused ones are sent again, and they too end published.
 */
@CamelSpringBootTest
@SpringBootTest(properties = {"app.outbox.sweep-interval=500ms", "app.outbox.sweep-min-age=1s"})
@ContextConfiguration(initializers = EmbeddedAwsPortsInitializer.class)
@DirtiesContext
class OutboxPartialPublishTest {

    static final RefusingSns SNS = new RefusingSns();
    private static final int EVENTS = 12;
    private static final int REFUSALS = 2;

    @Autowired DynamoDbClient dynamoDb;
    @Autowired OutboxItems items;
    @Autowired CamelContext camel;

    @TestConfiguration
    static class RefusingSnsConfiguration {
        /** The application's SNS client, with PublishBatch answered by the stub. */
        @Bean
        static BeanPostProcessor refusingSns() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof SnsClient real ? SNS.wrap(real) : bean;
                }
            };
        }
    }

    @Test
    void theStreamPathRepublishesOnlyTheEntriesSnsRefused() throws Exception {
        camel.getRouteController().stopRoute("outbox-sweeper");
        try {
            awaitStreamReading();
            List<OutboxEvent> events = events("stream", Instant.now());
            Set<String> refused = refuse(events);

            events.forEach(this::write);

            assertPublishedOnceEachAfterRefusals(events, refused);
        } finally {
            camel.getRouteController().startRoute("outbox-sweeper");
        }
    }

    @Test
    void theSweeperRepublishesOnlyTheEntriesSnsRefused() throws Exception {
        camel.getRouteController().stopRoute(OutboxRelayRoute.RELAY_ROUTE);
        try {
            // Written while the stream path is away and old enough for the sweeper.
            List<OutboxEvent> events = events("sweeper", Instant.now().minusSeconds(60));
            Set<String> refused = refuse(events);

            events.forEach(this::write);

            assertPublishedOnceEachAfterRefusals(events, refused);
        } finally {
            camel.getRouteController().startRoute(OutboxRelayRoute.RELAY_ROUTE);
        }
    }

    /**
     * A restarted relay reads from the latest record once it leads again: probe events until one is
     * published, so that the test's events are written after that point.
     */
    private void awaitStreamReading() {
        List<OutboxEvent> probes = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            if (probes.stream().anyMatch(this::published)) {
                return true;
            }
            OutboxEvent probe = events("probe", Instant.now()).get(0);
            write(probe);
            probes.add(probe);
            return false;
        });
    }

    /** Refuses the 2nd, 7th and 11th event twice each: entries of both batches of ten. */
    private static Set<String> refuse(List<OutboxEvent> events) {
        Set<String> refused = Set.of(events.get(1).eventId(), events.get(6).eventId(), events.get(10).eventId());
        refused.forEach(eventId -> SNS.refuse(eventId, REFUSALS));
        return refused;
    }

    private void assertPublishedOnceEachAfterRefusals(List<OutboxEvent> events, Set<String> refused) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> events.stream().allMatch(event -> published(event) && SNS.accepted(event.eventId()) > 0));
        for (OutboxEvent event : events) {
            assertThat(SNS.accepted(event.eventId())).as("publishes accepted for %s", event.eventId()).isEqualTo(1);
            int expectedAttempts = refused.contains(event.eventId()) ? REFUSALS + 1 : 1;
            assertThat(SNS.attempts(event.eventId())).as("publish attempts for %s", event.eventId())
                    .isEqualTo(expectedAttempts);
        }
    }

    private static List<OutboxEvent> events(String path, Instant occurredAt) {
        String aggregateId = path + "-" + UUID.randomUUID();
        List<OutboxEvent> events = new ArrayList<>();
        for (int version = 1; version <= EVENTS; version++) {
            events.add(new OutboxEvent(UUID.randomUUID().toString(), "probe.recorded", "probe", aggregateId, version,
                    aggregateId, null, occurredAt, "{\"version\":" + version + "}"));
        }
        return events;
    }

    private void write(OutboxEvent event) {
        dynamoDb.transactWriteItems(b -> b.transactItems(items.put(event)));
    }

    /** Out of the pending index and stamped: the relay's mark. */
    private boolean published(OutboxEvent event) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(items.table())
                .key(OutboxItems.key(event)).consistentRead(true)).item();
        return !item.containsKey("pendingBucket") && item.containsKey("publishedAt");
    }

    /** Answers PublishBatch itself, refusing chosen events a number of times; every other call goes to SNS. */
    static final class RefusingSns implements InvocationHandler {
        private static final ObjectMapper JSON = new ObjectMapper();

        private final Map<String, AtomicInteger> refusalsLeft = new ConcurrentHashMap<>();
        private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
        private final Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();
        private SnsClient real;

        SnsClient wrap(SnsClient client) {
            this.real = client;
            return (SnsClient) Proxy.newProxyInstance(SnsClient.class.getClassLoader(), new Class<?>[] {SnsClient.class},
                    this);
        }

        void refuse(String eventId, int times) {
            refusalsLeft.put(eventId, new AtomicInteger(times));
        }

        int attempts(String eventId) {
            return attempts.getOrDefault(eventId, new AtomicInteger()).get();
        }

        int accepted(String eventId) {
            return accepted.getOrDefault(eventId, new AtomicInteger()).get();
        }

        @Override
        @SuppressWarnings("unchecked")
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getName().equals("publishBatch")) {
                PublishBatchRequest request = args[0] instanceof PublishBatchRequest given ? given
                        : PublishBatchRequest.builder().applyMutation((Consumer<PublishBatchRequest.Builder>) args[0]).build();
                return publishBatch(request);
            }
            try {
                return method.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }

        private PublishBatchResponse publishBatch(PublishBatchRequest request) throws Exception {
            List<PublishBatchResultEntry> successful = new ArrayList<>();
            List<BatchResultErrorEntry> failed = new ArrayList<>();
            for (PublishBatchRequestEntry entry : request.publishBatchRequestEntries()) {
                String eventId = JSON.readTree(entry.message()).get("id").asText();
                attempts.computeIfAbsent(eventId, id -> new AtomicInteger()).incrementAndGet();
                AtomicInteger left = refusalsLeft.get(eventId);
                if (left != null && left.getAndDecrement() > 0) {
                    failed.add(BatchResultErrorEntry.builder().id(entry.id()).code("InternalError")
                            .message("refused by the test").senderFault(false).build());
                } else {
                    accepted.computeIfAbsent(eventId, id -> new AtomicInteger()).incrementAndGet();
                    successful.add(PublishBatchResultEntry.builder().id(entry.id()).messageId(UUID.randomUUID().toString())
                            .build());
                }
            }
            return PublishBatchResponse.builder().successful(successful).failed(failed).build();
        }
    }
}
