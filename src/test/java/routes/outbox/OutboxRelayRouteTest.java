package routes.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static routes.outbox.OutboxStreamRecordsTest.outboxItem;
import static routes.outbox.OutboxStreamRecordsTest.record;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.UseAdviceWith;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import routes.support.EmbeddedAwsPortsInitializer;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * The relay routes with the stream, the pending-events query and SNS mocked: INSERT-only filtering,
 * batching that keeps commit order, retries of a failed publish that never fail the stream consumer.
 */
@CamelSpringBootTest
@SpringBootTest(properties = {"app.outbox.publish-retries=2", "app.outbox.sweep-interval=200ms"})
@ContextConfiguration(initializers = EmbeddedAwsPortsInitializer.class)
@UseAdviceWith
@DirtiesContext
class OutboxRelayRouteTest {

    @Autowired CamelContext camel;
    @Autowired ProducerTemplate producer;

    MockEndpoint publish;
    MockEndpoint pending;
    MockEndpoint republish;

    @BeforeEach
    void mockStreamQueryAndSns() throws Exception {
        if (!camel.isStarted()) {
            AdviceWith.adviceWith(camel, OutboxRelayRoute.RELAY_ROUTE, route -> route.replaceFromWith("direct:outbox-stream"));
            AdviceWith.adviceWith(camel, "outbox-publish",
                    route -> route.weaveById("publish-to-sns").replace().to("mock:publish"));
            AdviceWith.adviceWith(camel, "outbox-sweeper", route -> {
                route.weaveById("find-pending-events").replace().to("mock:pending");
                route.weaveById("republish-to-sns").replace().to("mock:republish");
            });
            camel.start();
        }
        MockEndpoint.resetMocks(camel);
        publish = camel.getEndpoint("mock:publish", MockEndpoint.class);
        pending = camel.getEndpoint("mock:pending", MockEndpoint.class);
        republish = camel.getEndpoint("mock:republish", MockEndpoint.class);
        pending.whenAnyExchangeReceived(exchange -> exchange.getMessage().setBody(List.of()));
    }

    @Test
    void onlyInsertsArePublishedInCommitOrderInBatchesOfAtMostTen() throws Exception {
        for (int version = 1; version <= 12; version++) {
            producer.sendBody("direct:outbox-stream", record("INSERT", outboxItem("o-1", version)));
            producer.sendBody("direct:outbox-stream", record("MODIFY", outboxItem("o-1", version)));
        }
        producer.sendBody("direct:outbox-stream", record("REMOVE", null));

        List<Long> versions = new ArrayList<>();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            versions.clear();
            for (Exchange batch : publish.getReceivedExchanges()) {
                List<?> events = batch.getMessage().getBody(List.class);
                assertThat(events).hasSizeLessThanOrEqualTo(10);
                events.forEach(e -> versions.add(((OutboxEvent) e).aggregateVersion()));
            }
            assertThat(versions).hasSize(12);
        });
        assertThat(versions).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);
    }

    @Test
    void aFailingPublishIsRetriedThenLeftToTheSweeperWithoutFailingTheStream() throws Exception {
        publish.whenAnyExchangeReceived(exchange -> { throw SdkClientException.create("SNS unreachable"); });
        publish.expectedMessageCount(3);

        Exchange sent = producer.send("direct:outbox-stream",
                exchange -> exchange.getMessage().setBody(record("INSERT", outboxItem("o-2", 1))));

        assertThat(sent.getException()).isNull();
        publish.assertIsSatisfied(10_000);
    }

    @Test
    void theSweeperRepublishesWhatTheQueryFindsPending() throws Exception {
        OutboxEvent stuck = new OutboxEvent("e-1", "order.created", "order", "o-3", 1, "o-3", null,
                Instant.now().minusSeconds(60), "{}");
        pending.whenAnyExchangeReceived(exchange -> exchange.getMessage().setBody(List.of(stuck)));
        republish.expectedMinimumMessageCount(1);

        republish.assertIsSatisfied(10_000);
        assertThat(republish.getReceivedExchanges().get(0).getMessage().getBody(List.class)).containsExactly(stuck);
    }

    @Test
    void anEmptySweepPublishesNothing() throws Exception {
        pending.expectedMinimumMessageCount(2);
        pending.assertIsSatisfied(10_000);

        assertThat(republish.getReceivedCounter()).isZero();
    }
}
