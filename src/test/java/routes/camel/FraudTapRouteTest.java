package routes.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static routes.support.RouteTestAdvice.DEAD_LETTERS;
import static routes.support.RouteTestAdvice.mock;

import java.time.Instant;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.spring.junit5.UseAdviceWith;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import routes.inbox.InvalidEventException;
import routes.order.OrderEvents;
import routes.outbox.CloudEventMapper;
import routes.outbox.OutboxEvent;
import routes.support.RouteTest;

/**
 * The test template for your own YAML route, here the worked example of app.routes.dir
 * (docs/examples/routes/fraud-tap.camel.yaml). To test yours: copy this class, set the three constants
 * to your file, its consumer route's id and the step ids you replace, and say what your route does.
 * <ol>
 * <li>{@link #loadAndAdviseOnce} loads the file into the shared route-test context (one Spring context for
 * every {@code @RouteTest} class, started once) unless it is a built-in route the context has already;</li>
 * <li>AdviceWith swaps what leaves the JVM for mocks: the queue becomes {@code direct:<route id>-in}, the
 * copy to the fraud team's queue {@code mock:fraud-review}; the dead-letter queue is {@code mock:dead-letters}
 * for every route test ({@code RouteTestAdvice});</li>
 * <li>each test sends a CloudEvent as the queue would and asserts on the mocks.</li>
 * </ol>
 * A consumer route needs its consumer declared: {@code app.routes.consumers.<name>.event-types} (see
 * {@code RouteTest}'s properties) or an {@code InboxConsumer} bean.
 */
@RouteTest
@UseAdviceWith
class FraudTapRouteTest {

    static final String ROUTE_FILE = "file:docs/examples/routes/fraud-tap.camel.yaml";
    static final String ROUTE_ID = "fraud-tap";
    /** The step of the file's second route that sends to the fraud team's queue. */
    static final String COPY_STEP = "fraud-tap-to-review-queue";

    static final String FEED = "direct:" + ROUTE_ID + "-in";

    @Autowired CamelContext camel;
    @Autowired ProducerTemplate producer;
    @Autowired CloudEventMapper mapper;

    MockEndpoint fraudReview;
    MockEndpoint deadLetters;

    @BeforeEach
    void loadAndAdviseOnce() throws Exception {
        synchronized (FraudTapRouteTest.class) {
            if (camel.getRoute(ROUTE_ID) == null) {
                PluginHelper.getRoutesLoader(camel).loadRoutes(ResourceHelper.resolveMandatoryResource(camel, ROUTE_FILE));
            }
            // Advised once for all tests: the route's input is still its queue the first time only.
            if (camel.getRoute(ROUTE_ID).getEndpoint().getEndpointUri().startsWith("aws2-sqs")) {
                AdviceWith.adviceWith(camel, ROUTE_ID, route -> route.replaceFromWith(FEED));
                AdviceWith.adviceWith(camel, ROUTE_ID + "-forward",
                        route -> route.weaveById(COPY_STEP).replace().to("mock:fraud-review"));
            }
        }
        fraudReview = mock(camel, "fraud-review");
        deadLetters = mock(camel, DEAD_LETTERS);
    }

    String event(String type) {
        String orderId = "o-" + UUID.randomUUID();
        return mapper.toJson(new OutboxEvent(UUID.randomUUID().toString(), type, "order", orderId, 5, orderId, "e-4",
                Instant.now(), "{\"orderId\":\"" + orderId + "\",\"customerId\":\"c-9\",\"reason\":\"PAYMENT_DECLINED\"}"));
    }

    @Test
    void aCancelledOrderReachesTheFraudTeamsQueueAsItCame() throws Exception {
        String cancelled = event(OrderEvents.CANCELLED);
        fraudReview.expectedBodiesReceived(cancelled);

        Exchange delivered = producer.send(FEED, e -> e.getMessage().setBody(cancelled));

        assertThat(delivered.getException()).isNull();
        fraudReview.assertIsSatisfied();
    }

    @Test
    void anEventDeliveredTwiceIsCopiedOnce() throws Exception {
        String cancelled = event(OrderEvents.CANCELLED);
        fraudReview.expectedMessageCount(1);

        producer.send(FEED, e -> e.getMessage().setBody(cancelled));
        producer.send(FEED, e -> e.getMessage().setBody(cancelled));

        fraudReview.assertIsSatisfied();
    }

    @Test
    void aCopyTheQueueRefusesIsRetriedThenDeadLetteredAsItCame() throws Exception {
        String cancelled = event(OrderEvents.CANCELLED);
        fraudReview.whenAnyExchangeReceived(e -> {
            throw new IllegalStateException("fraud-review unavailable");
        });
        deadLetters.expectedBodiesReceived(cancelled);

        producer.send(FEED, e -> e.getMessage().setBody(cancelled));

        deadLetters.assertIsSatisfied();
        // 1 + app.inbox.transient-retries (2 in route tests)
        assertThat(fraudReview.getReceivedCounter()).isEqualTo(3);
    }

    @Test
    void anEventTypeTheTapDoesNotReadIsDeadLetteredNotCopied() throws Exception {
        String confirmed = event(OrderEvents.CONFIRMED);
        deadLetters.expectedBodiesReceived(confirmed);

        producer.send(FEED, e -> e.getMessage().setBody(confirmed));

        deadLetters.assertIsSatisfied();
        assertThat(fraudReview.getReceivedCounter()).isZero();
        assertThat(deadLetters.getReceivedExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class))
                .isInstanceOf(InvalidEventException.class);
    }
}
