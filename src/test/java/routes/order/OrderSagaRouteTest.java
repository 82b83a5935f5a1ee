package routes.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static routes.support.RouteTestAdvice.MOCKED_STEPS;
import static routes.support.RouteTestAdvice.RECORD_FAILURE;
import static routes.support.TestOrders.pendingOrder;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.saga.CamelSagaService;
import org.apache.camel.test.spring.junit5.UseAdviceWith;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import routes.inventory.OutOfStockException;
import routes.ordersaga.Order;
import routes.ordersaga.OrderLog;
import routes.ordersaga.OrderSagaRoute;
import routes.ordersaga.OrderStatus;
import routes.ordersaga.SagaFailures;
import routes.ordersaga.SagaHeaders;
import routes.ordersaga.SagaStep;
import routes.payment.PaymentDeclinedException;
import routes.saga.InProcessSagaService;
import routes.support.RouteTest;
import routes.support.RouteTestAdvice;

/**
 * The order saga end to end through its real routes and the real in-memory saga coordinator, with
 * every write to DynamoDB and every provider call mocked: the steps run in order, a failed step
 * or the saga's timeout runs the compensations of the steps that began in reverse order, and a
 * duplicate order starts nothing. Where the outcome is the order row's, a mock hands the call to
 * the real OrderSagaSteps on the embedded DynamoDB.
 */
@RouteTest
@UseAdviceWith
class OrderSagaRouteTest {

    /** app.saga.timeout of every {@link RouteTest}. */
    private static final Duration SAGA_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration WAIT = Duration.ofSeconds(15);
    /** Well inside the saga timeout: a compensation this quick was not started by the timeout. */
    private static final Duration PROMPTLY = SAGA_TIMEOUT.dividedBy(2);

    // Each step's mock is named after the step.
    private static final String WRITE_ORDER = SagaStep.ORDER_CREATE.id();
    private static final String RESERVE_STOCK = SagaStep.INVENTORY_RESERVE.id();
    private static final String CAPTURE = SagaStep.PAYMENT_CAPTURE.id();
    private static final String CONFIRM = SagaStep.ORDER_CONFIRM.id();
    private static final String REFUND = SagaStep.PAYMENT_REFUND.id();
    private static final String RELEASE_STOCK = SagaStep.INVENTORY_RELEASE.id();
    private static final String CANCEL = SagaStep.ORDER_CANCEL.id();

    @Autowired CamelContext camel;
    @Autowired ProducerTemplate producer;
    @Autowired CamelSagaService sagas;
    @Autowired OrderLog orders;
    @Autowired OrderSagaSteps orderSteps;
    @Autowired SagaFailures sagaFailures;

    /** Every mocked step as it is called, "step orderId", in the order calls happen. */
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final CountDownLatch providerAnswers = new CountDownLatch(1);
    private final String orderId = "order-" + UUID.randomUUID();

    /** Every step and compensation the saga declares is mocked (RouteTestAdvice): each is scripted to record its call. */
    @BeforeEach
    void scriptEveryMockedStep() {
        MOCKED_STEPS.forEach(step -> script(step.id(), exchange -> { }));
        script(RECORD_FAILURE, exchange -> { });
        script(WRITE_ORDER, exchange -> exchange.setProperty(OrderSagaRoute.ORDER_CREATED, true));
    }

    @AfterEach
    void letABlockedCaptureFinish() {
        providerAnswers.countDown();
    }

    @Test
    void happyPathRunsEveryStepOnceInOrderAndCompletesTheSaga() {
        NotifyBuilder stepsDone = new NotifyBuilder(camel).fromRoute("order-saga-steps").whenDone(1).create();

        Exchange placed = placeOrder();

        assertThat(placed.getException()).isNull();
        assertThat(stepsDone.matches(WAIT.toSeconds(), TimeUnit.SECONDS)).as("saga steps finished").isTrue();
        assertThat(callsFor(orderId)).containsExactly(WRITE_ORDER, RESERVE_STOCK, CAPTURE, CONFIRM);
        assertSagaForgotten(placed);
        assertThat(mock(REFUND).getReceivedCounter()).isZero();
        assertThat(mock(RELEASE_STOCK).getReceivedCounter()).isZero();
        assertThat(mock(CANCEL).getReceivedCounter()).isZero();
        assertThat(mock(RECORD_FAILURE).getReceivedCounter()).isZero();
    }

    @Test
    void paymentDeclineCompensatesTheStepsThatBeganInReverseOrder() {
        script(CAPTURE, exchange -> { throw new PaymentDeclinedException(orderId); });

        placeOrder();

        await("compensated at once, not by the saga timeout").atMost(PROMPTLY)
                .until(() -> callsFor(orderId).contains(CANCEL));
        assertThat(callsFor(orderId)).containsExactly(WRITE_ORDER, RESERVE_STOCK, CAPTURE,
                RECORD_FAILURE, REFUND, RELEASE_STOCK, CANCEL);
        assertThat(mock(CAPTURE).getReceivedCounter()).as("a decline is not retried").isEqualTo(1);
        assertThat(mock(CONFIRM).getReceivedCounter()).isZero();
        assertThat(mock(RECORD_FAILURE).getReceivedExchanges()).singleElement()
                .extracting(exchange -> exchange.getProperty(Exchange.EXCEPTION_CAUGHT))
                .isInstanceOf(PaymentDeclinedException.class);
        assertCompensationsKnowTheOrder(REFUND, RELEASE_STOCK, CANCEL);
    }

    @Test
    void outOfStockReleasesAndCancelsWithoutCapturing() {
        script(RESERVE_STOCK, exchange -> { throw new OutOfStockException(orderId); });

        placeOrder();

        await("compensated at once, not by the saga timeout").atMost(PROMPTLY)
                .until(() -> callsFor(orderId).contains(CANCEL));
        assertThat(callsFor(orderId)).containsExactly(WRITE_ORDER, RESERVE_STOCK, RECORD_FAILURE, RELEASE_STOCK, CANCEL);
        assertThat(mock(CAPTURE).getReceivedCounter()).isZero();
        assertThat(mock(REFUND).getReceivedCounter()).isZero();
        assertThat(mock(CONFIRM).getReceivedCounter()).isZero();
        assertThat(mock(RECORD_FAILURE).getReceivedExchanges()).singleElement()
                .extracting(exchange -> exchange.getProperty(Exchange.EXCEPTION_CAUGHT))
                .isInstanceOf(OutOfStockException.class);
        assertCompensationsKnowTheOrder(RELEASE_STOCK, CANCEL);
    }

    @Test
    void duplicateOrderRunsNoFurtherStepAndEndsItsSaga() {
        script(WRITE_ORDER, exchange -> exchange.setProperty(OrderSagaRoute.ORDER_CREATED, false));

        Exchange placed = placeOrder();

        assertThat(placed.getException()).isNull();
        assertThat(placed.getProperty(OrderSagaRoute.ORDER_CREATED)).isEqualTo(false);
        assertSagaForgotten(placed);
        assertThat(callsFor(orderId)).containsExactly(WRITE_ORDER);
        assertThat(calls).as("no step and no compensation for any order").containsExactly(WRITE_ORDER + " " + orderId);
    }

    @Test
    void sagaTimeoutCompensatesWhileTheCaptureIsStillRunning() throws Exception {
        script(CAPTURE, exchange -> {
            if (!providerAnswers.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never let the provider answer");
            }
        });
        NotifyBuilder stepsDone = new NotifyBuilder(camel).fromRoute("order-saga-steps").whenDone(1).create();
        long placedAt = System.nanoTime();

        placeOrder();

        await().atMost(WAIT).until(() -> callsFor(orderId).contains(CANCEL));
        Duration compensatedAfter = Duration.ofNanos(System.nanoTime() - placedAt);
        assertThat(compensatedAfter).as("compensated by the timeout").isGreaterThanOrEqualTo(SAGA_TIMEOUT);
        assertThat(callsFor(orderId)).containsExactly(WRITE_ORDER, RESERVE_STOCK, CAPTURE, REFUND, RELEASE_STOCK, CANCEL);
        assertThat(stepsDone.matches()).as("the capture is still waiting for the provider").isFalse();

        providerAnswers.countDown();

        // The steps after the late capture find their saga compensated: no confirmation.
        assertThat(stepsDone.matches(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(callsFor(orderId)).containsExactly(WRITE_ORDER, RESERVE_STOCK, CAPTURE, REFUND, RELEASE_STOCK, CANCEL,
                RECORD_FAILURE);
        assertThat(mock(CONFIRM).getReceivedCounter()).isZero();
        assertThat(mock(CANCEL).getReceivedCounter()).as("compensated once").isEqualTo(1);
        assertCompensationsKnowTheOrder(REFUND, RELEASE_STOCK, CANCEL);
    }

    /*
     * Regression: when a step finishes just after the timeout fired, the next step is refused by
     * the saga coordinator ("Cannot begin: status is COMPENSATING"); that refusal must not be
     * recorded as a TECHNICAL_FAILURE, so the timeout's cancel keeps reason TIMEOUT.
     */
    @Test
    void sagaTimeoutCancelsForTimeoutEvenWhenAStepFinishesWhileTheSagaCompensates() throws Exception {
        // The stock steps are mocked: the row shows no reservation, so the cancel has nothing to wait for.
        Order order = pendingOrder(orderId).createdAt(Instant.now()).build();
        assertThat(orders.create(order, OrderEvents.CREATED, OrderEvents.created(order), null)).isTrue();
        CountDownLatch timedOut = new CountDownLatch(1);
        CountDownLatch failureRecorded = new CountDownLatch(1);
        // The provider answers the capture as the timeout starts the refund, before the refund claimed the order.
        script(CAPTURE, exchange -> timedOut.await(WAIT.toSeconds(), TimeUnit.SECONDS));
        script(REFUND, exchange -> {
            timedOut.countDown();
            failureRecorded.await(5, TimeUnit.SECONDS);
        });
        // The order row's side of the saga for real, on the embedded DynamoDB.
        script(RECORD_FAILURE, exchange -> {
            sagaFailures.recordFailure(orderId, exchange);
            failureRecorded.countDown();
        });
        script(CANCEL, exchange -> orderSteps.cancel(orderId,
                exchange.getMessage().getHeader(Exchange.SAGA_LONG_RUNNING_ACTION, String.class), exchange));

        placeOrder();

        await().atMost(WAIT).until(() -> callsFor(orderId).contains(CANCEL));
        assertThat(callsFor(orderId)).containsExactly(WRITE_ORDER, RESERVE_STOCK, CAPTURE, REFUND, RECORD_FAILURE,
                RELEASE_STOCK, CANCEL);
        assertThat(mock(CONFIRM).getReceivedCounter()).isZero();
        // The mock records the cancel call before the cancel writes: wait for the write.
        await().atMost(WAIT).untilAsserted(() -> assertThat(orders.find(orderId)).get().satisfies(cancelled -> {
            assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
            assertThat(cancelled.reason()).as("the saga ran out of time").isEqualTo(OrderDecisions.TIMEOUT);
        }));
    }

    private Exchange placeOrder() {
        return producer.send(OrderSagaRoute.PLACE_ORDER, exchange -> {
            exchange.getMessage().setHeader(SagaHeaders.ORDER_ID, orderId);
            exchange.getMessage().setHeader(SagaHeaders.PAYMENT_TOKEN, "tok_test");
        });
    }

    /** Makes the mocked step record its call, then behave as told. */
    private void script(String step, Processor behaviour) {
        mock(step).whenAnyExchangeReceived(exchange -> {
            calls.add(step + " " + exchange.getMessage().getHeader(SagaHeaders.ORDER_ID));
            behaviour.process(exchange);
        });
    }

    private List<String> callsFor(String order) {
        return calls.stream().filter(call -> call.endsWith(" " + order))
                .map(call -> call.substring(0, call.indexOf(' '))).toList();
    }

    private MockEndpoint mock(String step) {
        return RouteTestAdvice.mock(camel, step);
    }

    private void assertCompensationsKnowTheOrder(String... compensations) {
        for (String compensation : compensations) {
            assertThat(mock(compensation).getReceivedExchanges()).as(compensation).singleElement()
                    .extracting(exchange -> exchange.getMessage().getHeader(SagaHeaders.ORDER_ID))
                    .isEqualTo(orderId);
        }
    }

    /**
     * The saga is over and its coordinator forgotten, timeout included: nothing of it is left to
     * compensate later, and memory does not grow with finished sagas.
     */
    private void assertSagaForgotten(Exchange placed) {
        String sagaId = placed.getMessage().getHeader(Exchange.SAGA_LONG_RUNNING_ACTION, String.class);
        assertThat(sagaId).as("saga id").isNotNull();
        await().atMost(WAIT).until(() -> !((InProcessSagaService) sagas).isRunning(sagaId));
    }
}
