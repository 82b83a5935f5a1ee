package routes.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static routes.outbox.OutboxStreamRecordsTest.outboxItem;
import static routes.outbox.OutboxStreamRecordsTest.record;
import static routes.support.RouteTestAdvice.OUTBOX_STREAM;
import static routes.support.RouteTestAdvice.PENDING_EVENTS;
import static routes.support.RouteTestAdvice.PUBLISH;
import static routes.support.RouteTestAdvice.REPUBLISH;
import static routes.support.RouteTestAdvice.mock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.spring.junit5.UseAdviceWith;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import routes.support.RouteTest;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * The relay routes with the stream, the pending-events query and SNS mocked: INSERT-only filtering,
 * batching that keeps commit order, retries of a failed publish that never fail the stream consumer.
 */
@RouteTest
@UseAdviceWith
class OutboxRelayRouteTest {

    @Autowired CamelContext camel;
    @Autowired ProducerTemplate producer;

    MockEndpoint publish;
    MockEndpoint pending;
    MockEndpoint republish;

    /** The stream, the pending-events query and SNS are mocked (RouteTestAdvice); the query finds nothing by default. */
    @BeforeEach
    void findTheMockedStreamQueryAndSns() {
        publish = mock(camel, PUBLISH);
        pending = mock(camel, PENDING_EVENTS);
        republish = mock(camel, REPUBLISH);
    }

    @Test
    void onlyInsertsArePublishedInCommitOrderInBatchesOfAtMostTen() throws Exception {
        for (int version = 1; version <= 12; version++) {
            producer.sendBody(OUTBOX_STREAM, record("INSERT", outboxItem("o-1", version)));
            producer.sendBody(OUTBOX_STREAM, record("MODIFY", outboxItem("o-1", version)));
        }
        producer.sendBody(OUTBOX_STREAM, record("REMOVE", null));

        List<Long> versions = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
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

        Exchange sent = producer.send(OUTBOX_STREAM,
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
