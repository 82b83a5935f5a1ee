package routes.support;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.model.BeanDefinition;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import routes.inbox.SqsConsumerRouteTemplate;
import routes.notification.NotificationConsumer;
import routes.ordersaga.SagaStep;
import routes.orderview.OrderViewConsumer;
import routes.outbox.OutboxRelayRoute;

/**
 * The advice every {@link RouteTest} class shares, woven once before the shared Camel context
 * starts, so that test classes never advise the same route differently: whatever leaves the JVM
 * (DynamoDB writes, the payment provider, the outbox stream, SNS, the SQS queues and the dead-letter
 * queue, the consumers' handlers) becomes a mock or a direct endpoint. Before each test
 * every mock is reset, and the mocks that timers call find nothing unless a test says otherwise.
 */
public class RouteTestAdvice implements BeforeEachCallback {

    /** The feed of the relay route in place of the DynamoDB stream. */
    public static final String OUTBOX_STREAM = "direct:outbox-stream";
    /** A failed step writing down why its saga compensates, in the order-saga-steps route. */
    public static final String RECORD_FAILURE = "record-failure";
    /** The recovery route's search for lost sagas. */
    public static final String FIND_LOST_SAGAS = "find-lost-sagas";
    /** The recovery of one order: resuming its saga, or each compensation ("recover-" + its id). */
    public static final String RESUME_SAGA = "resume-saga";
    public static final String PUBLISH = "publish";
    public static final String PENDING_EVENTS = "pending";
    public static final String REPUBLISH = "republish";
    /** The dead-letter route's send to a consumer's dead-letter queue. */
    public static final String DEAD_LETTERS = "dead-letters";

    /** Each SQS consumer by its route id: fed from {@link #feedOf} in place of its queue, its handler mocked. */
    private static final Map<String, String> CONSUMER_ROUTES = Map.of(
            OrderViewConsumer.NAME, "order-view-update",
            NotificationConsumer.NAME, "notification-send");

    /** Every step and compensation of the order saga: the one bean in each is mocked as "mock:" + its id. */
    public static final List<SagaStep> MOCKED_STEPS =
            Stream.concat(SagaStep.steps().stream(), SagaStep.compensations().stream()).toList();

    /** The mock in place of the work of a step, compensation or other advised node. */
    public static MockEndpoint mock(CamelContext camel, String name) {
        return camel.getEndpoint("mock:" + name, MockEndpoint.class);
    }

    public static MockEndpoint mock(CamelContext camel, SagaStep step) {
        return mock(camel, step.id());
    }

    /** Where a test delivers a consumer's messages, in place of its SQS queue. */
    public static String feedOf(String consumer) {
        return "direct:" + consumer + "-in";
    }

    /** The mock in place of a consumer's handler bean, named as the running route shows the step. */
    public static String handlerOf(String consumer) {
        return consumer + "-" + SqsConsumerRouteTemplate.HANDLE_STEP;
    }

    /** The recovery route's call of a compensation. */
    public static String recovering(SagaStep compensation) {
        return "recover-" + compensation.id();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        CamelContext camel = SpringExtension.getApplicationContext(context).getBean(CamelContext.class);
        synchronized (RouteTestAdvice.class) {
            if (!camel.isStarted()) {
                advise(camel);
                camel.start();
            }
        }
        MockEndpoint.resetMocks(camel);
        // Timers call these all the time: by default they find nothing to recover or republish.
        mock(camel, FIND_LOST_SAGAS).whenAnyExchangeReceived(exchange -> exchange.getMessage().setBody(List.of()));
        mock(camel, PENDING_EVENTS).whenAnyExchangeReceived(exchange -> exchange.getMessage().setBody(List.of()));
    }

    private static void advise(CamelContext camel) throws Exception {
        for (SagaStep step : MOCKED_STEPS) {
            AdviceWith.adviceWith(camel, step.id(),
                    route -> route.weaveByType(BeanDefinition.class).replace().to("mock:" + step.id()));
        }
        AdviceWith.adviceWith(camel, "order-saga-steps",
                route -> route.weaveById(RECORD_FAILURE).replace().to("mock:" + RECORD_FAILURE));
        AdviceWith.adviceWith(camel, "order-recovery",
                route -> route.weaveById(FIND_LOST_SAGAS).replace().to("mock:" + FIND_LOST_SAGAS));
        AdviceWith.adviceWith(camel, "order-recover", route -> {
            route.weaveById(RESUME_SAGA).replace().to("mock:" + RESUME_SAGA);
            for (SagaStep compensation : SagaStep.compensations()) {
                route.weaveById(recovering(compensation)).replace().to("mock:" + recovering(compensation));
            }
        });
        AdviceWith.adviceWith(camel, OutboxRelayRoute.RELAY_ROUTE, route -> route.replaceFromWith(OUTBOX_STREAM));
        AdviceWith.adviceWith(camel, "outbox-publish",
                route -> route.weaveById("publish-to-sns").replace().to("mock:" + PUBLISH));
        AdviceWith.adviceWith(camel, "outbox-sweeper", route -> {
            route.weaveById("find-pending-events").replace().to("mock:" + PENDING_EVENTS);
            route.weaveById("republish-to-sns").replace().to("mock:" + REPUBLISH);
        });
        for (Map.Entry<String, String> consumer : CONSUMER_ROUTES.entrySet()) {
            // The template's step ids are woven before the route's prefix applies: "handle", not "<consumer>-handle".
            AdviceWith.adviceWith(camel, consumer.getValue(), route -> {
                route.replaceFromWith(feedOf(consumer.getKey()));
                route.weaveById(SqsConsumerRouteTemplate.HANDLE_STEP).replace().to("mock:" + handlerOf(consumer.getKey()));
            });
        }
        AdviceWith.adviceWith(camel, "sqs-dead-letter",
                route -> route.weaveById("send-to-dlq").replace().to("mock:" + DEAD_LETTERS));
    }
}
