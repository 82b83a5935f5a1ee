package routes.ordersaga;

import static org.assertj.core.api.Assertions.assertThat;
import static routes.support.RouteTestAdvice.mock;
import static routes.support.TestOrders.pendingOrder;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExchangeException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.saga.CamelSagaService;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.test.spring.junit5.UseAdviceWith;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import routes.inventory.InventoryReservation;
import routes.inventory.OutOfStockException;
import routes.order.OrderEvents;
import routes.order.OrderSagaSteps;
import routes.payment.PaymentCapture;
import routes.payment.PaymentDeclinedException;
import routes.payment.PaymentRefund;
import routes.payment.TransientPaymentException;
import routes.saga.SagaContentionException;
import routes.saga.SagaRecordNotFoundException;
import routes.saga.StepSupersededException;
import routes.support.RouteTest;
import routes.support.StoredState;
import routes.support.TestSaga;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The participant routes of the order, inventory and payment contexts, read from {@link SagaStep}
 * (route id = step id) with the work of each step and compensation mocked: every step runs only
 * inside a saga and registers its compensation for the same order, transient failures are retried
 * (step-retries=3) then fail, business failures fail at once, compensations retry too. Where the
 * outcome is the order row's (run twice, compensated before its step), the mock hands the call to
 * the participant's real bean on the embedded DynamoDB.
 */
@RouteTest
@UseAdviceWith
class ParticipantRoutesTest {

    private static final int RETRIES = 3;
    /** Set by the attempt that succeeds, to show its outcome is the one the caller gets. */
    private static final String ANSWER = "testAnswer";

    @Autowired CamelContext camel;
    @Autowired ProducerTemplate producer;
    @Autowired CamelSagaService sagas;
    @Autowired OrderSagaSteps orderSteps;
    @Autowired OrderLog orders;
    @Autowired InventoryReservation inventory;
    @Autowired PaymentCapture capture;
    @Autowired PaymentRefund refund;
    @Autowired DynamoDbClient dynamoDb;

    private StoredState stored;

    private final String orderId = "order-" + UUID.randomUUID();

    @BeforeEach
    void readTheStoredState() {
        stored = new StoredState(dynamoDb);
    }

    static List<SagaStep> steps() {
        return SagaStep.steps();
    }

    static List<SagaStep> stepsWithACompensation() {
        return SagaStep.steps().stream().filter(step -> step.compensation() != null).toList();
    }

    static List<SagaStep> backgroundStepsWithACompensation() {
        return SagaStep.backgroundSteps().stream().filter(step -> step.compensation() != null).toList();
    }

    static List<SagaStep> compensations() {
        return SagaStep.compensations();
    }

    static List<SagaStep> stepsAndCompensations() {
        return Stream.concat(SagaStep.steps().stream(), SagaStep.compensations().stream()).toList();
    }

    /** Failures of a step's own business that no retry can change. */
    static Stream<Arguments> businessFailures() {
        return Stream.of(
                failure(SagaStep.INVENTORY_RESERVE, "out of stock", OutOfStockException::new),
                failure(SagaStep.PAYMENT_CAPTURE, "payment declined", PaymentDeclinedException::new),
                failure(SagaStep.PAYMENT_CAPTURE, "superseded by its refund",
                        id -> new StepSupersededException(id, SagaStep.PAYMENT_CAPTURE, "the refund already ran")),
                failure(SagaStep.ORDER_CONFIRM, "superseded by the compensating saga",
                        id -> new StepSupersededException(id, SagaStep.ORDER_CONFIRM, "the saga is compensating")),
                failure(SagaStep.ORDER_CONFIRM, "unknown order", SagaRecordNotFoundException::new));
    }

    /**
     * How each participant's work fails for a while: DynamoDB unreachable or timing out, the order
     * row changing under the write, the payment provider unavailable.
     */
    private Exception transientFailure(SagaStep step, int attempt) {
        return switch (step) {
            case ORDER_CREATE, INVENTORY_RESERVE -> SdkClientException.create("connection reset");
            case ORDER_CONFIRM -> new SagaContentionException(orderId);
            case PAYMENT_CAPTURE, PAYMENT_REFUND -> new TransientPaymentException("provider overloaded");
            case INVENTORY_RELEASE -> SdkClientException.create("read timed out");
            case ORDER_CANCEL -> attempt == 1 ? SdkClientException.create("read timed out") : new SagaContentionException(orderId);
            case FAILURE -> throw new IllegalArgumentException("not a route: " + step);
        };
    }

    @ParameterizedTest
    @MethodSource("steps")
    void stepRetriesTransientFailuresThenSucceeds(SagaStep step) throws Exception {
        MockEndpoint work = mock(camel, step);
        failTwiceThenSucceed(step, work);

        Exchange result = TestSaga.begin(sagas, camel).send(producer, step.endpoint(), orderId);

        assertThat(result.getException()).isNull();
        assertThat(result.getProperty(ANSWER)).as("the outcome of the attempt that succeeded").isEqualTo(3);
        work.assertIsSatisfied();
    }

    @ParameterizedTest
    @MethodSource("steps")
    void stepFailsOnceItsRetriesAreSpent(SagaStep step) throws Exception {
        MockEndpoint work = mock(camel, step);
        Exception failure = transientFailure(step, 1);
        work.whenAnyExchangeReceived(exchange -> { throw transientFailure(step, 1); });
        work.expectedMessageCount(1 + RETRIES);

        Exchange result = TestSaga.begin(sagas, camel).send(producer, step.endpoint(), orderId);

        assertThat(result.getException()).isInstanceOf(failure.getClass());
        work.assertIsSatisfied();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("businessFailures")
    void businessFailureIsNotRetriedAndFailsTheStep(SagaStep step, Function<String, Exception> failure) throws Exception {
        MockEndpoint work = mock(camel, step);
        Class<? extends Exception> expected = failure.apply(orderId).getClass();
        work.whenAnyExchangeReceived(exchange -> { throw failure.apply(orderId); });
        work.expectedMessageCount(1);

        Exchange result = TestSaga.begin(sagas, camel).send(producer, step.endpoint(), orderId);

        assertThat(result.getException()).isInstanceOf(expected);
        work.assertIsSatisfied();
    }

    @ParameterizedTest
    @MethodSource("steps")
    void stepOutsideASagaIsRejectedBeforeAnyStepWorks(SagaStep step) throws Exception {
        List<MockEndpoint> work = SagaStep.steps().stream().map(any -> mock(camel, any)).toList();
        work.forEach(mock -> mock.expectedMessageCount(0));

        Exchange result = producer.send(step.endpoint(),
                exchange -> exchange.getMessage().setHeader(SagaHeaders.ORDER_ID, orderId));

        assertThat(result.getException()).isInstanceOf(CamelExchangeException.class)
                .hasMessageContaining("not part of a saga");
        MockEndpoint.assertIsSatisfied(work.toArray(MockEndpoint[]::new));
    }

    @ParameterizedTest
    @MethodSource("stepsWithACompensation")
    void stepRegistersItsCompensationOfTheSameOrder(SagaStep step) throws Exception {
        MockEndpoint compensation = mock(camel, step.compensation());
        TestSaga saga = TestSaga.begin(sagas, camel);
        assertThat(saga.send(producer, step.endpoint(), orderId).getException()).isNull();
        compensation.expectedMessageCount(1);
        compensation.expectedHeaderReceived(SagaHeaders.ORDER_ID, orderId);

        saga.compensate();

        compensation.setResultWaitTime(10_000);
        compensation.assertIsSatisfied();
    }

    @ParameterizedTest
    @MethodSource("compensations")
    void compensationRetriesTransientFailuresThenUndoes(SagaStep compensation) throws Exception {
        MockEndpoint work = mock(camel, compensation);
        failTwiceThenSucceed(compensation, work);

        Exchange result = producer.send(compensation.endpoint(),
                exchange -> exchange.getMessage().setHeader(SagaHeaders.ORDER_ID, orderId));

        assertThat(result.getException()).isNull();
        work.assertIsSatisfied();
    }

    @ParameterizedTest
    @MethodSource("compensations")
    void compensationFailsOnceItsRetriesAreSpent(SagaStep compensation) throws Exception {
        MockEndpoint work = mock(camel, compensation);
        Exception failure = transientFailure(compensation, 1);
        work.whenAnyExchangeReceived(exchange -> { throw transientFailure(compensation, 1); });
        work.expectedMessageCount(1 + RETRIES);

        Exchange result = producer.send(compensation.endpoint(),
                exchange -> exchange.getMessage().setHeader(SagaHeaders.ORDER_ID, orderId));

        assertThat(result.getException()).isInstanceOf(failure.getClass());
        work.assertIsSatisfied();
    }

    @ParameterizedTest
    @MethodSource("stepsAndCompensations")
    void stepOrCompensationRunTwiceInItsSagaWritesOnce(SagaStep step) throws Exception {
        TestSaga saga = TestSaga.begin(sagas, camel);
        Order before = orderReadyFor(step, saga);
        mock(camel, step).whenAnyExchangeReceived(realWork(step, before));

        assertThat(saga.send(producer, step.endpoint(), orderId).getException()).isNull();
        Order once = orders.find(orderId).orElseThrow();
        List<String> eventsOnce = stored.eventTypes(orderId);
        assertThat(SagaStep.compensations().contains(step) ? once.compensatedSteps() : once.doneSteps())
                .contains(step.id());

        assertThat(saga.send(producer, step.endpoint(), orderId).getException()).isNull();

        Order twice = orders.find(orderId).orElseThrow();
        assertThat(twice.version()).as("the second run wrote nothing").isEqualTo(once.version());
        assertThat(twice.steps()).isEqualTo(once.steps());
        assertThat(stored.eventTypes(orderId)).as("no second event").isEqualTo(eventsOnce);
    }

    @ParameterizedTest
    @MethodSource("backgroundStepsWithACompensation")
    void compensationArrivingBeforeItsStepStopsTheStep(SagaStep step) throws Exception {
        TestSaga saga = TestSaga.begin(sagas, camel);
        Order before = orderReadyFor(step, saga);
        MockEndpoint work = mock(camel, step);
        work.whenAnyExchangeReceived(realWork(step, before));
        mock(camel, step.compensation()).whenAnyExchangeReceived(realWork(step.compensation(), before));
        work.expectedMessageCount(1);

        assertThat(saga.send(producer, step.compensation().endpoint(), orderId).getException()).isNull();
        Exchange late = saga.send(producer, step.endpoint(), orderId);

        assertThat(late.getException()).isInstanceOf(StepSupersededException.class);
        work.assertIsSatisfied();
        Order after = orders.find(orderId).orElseThrow();
        assertThat(after.doneSteps()).doesNotContain(step.id());
        assertThat(after.compensatedSteps()).contains(step.compensation().id());
    }

    /*
     * Regression: a redelivery after a write that committed but whose answer was lost must find its
     * own saga id on the row and report ORDER_CREATED=true, instead of ending the saga as a
     * duplicate and leaving the order PENDING for the recovery route to cancel.
     */
    @Test
    void createRedeliveredAfterItsWriteCommittedStillReportsTheOrderAsCreated() throws Exception {
        Order order = pendingOrder(orderId).createdAt(Instant.now()).build();
        MockEndpoint writeOrder = mock(camel, SagaStep.ORDER_CREATE);
        // The real step against the embedded DynamoDB; the first answer is lost after the transaction committed.
        writeOrder.whenExchangeReceived(1, exchange -> {
            orderSteps.create(order, exchange);
            throw SdkClientException.create("read timed out after the transaction committed");
        });
        writeOrder.whenAnyExchangeReceived(exchange -> orderSteps.create(order, exchange));
        writeOrder.expectedMessageCount(2);

        Exchange result = TestSaga.begin(sagas, camel).send(producer, SagaStep.ORDER_CREATE.endpoint(), orderId);

        assertThat(result.getException()).isNull();
        writeOrder.assertIsSatisfied();
        assertThat(orders.find(orderId)).get().extracting(Order::status).isEqualTo(OrderStatus.PENDING);
        assertThat(result.getProperty(OrderSagaRoute.ORDER_CREATED))
                .as("this saga wrote the order, so it must go on with it rather than end as a duplicate")
                .isEqualTo(true);
    }

    /**
     * The order as {@code work} finds it in the saga, brought there for real: nothing yet before
     * order-create; before a later step, the steps before it done; before a compensation, every
     * step that has one done, then the compensations that run before it.
     */
    private Order orderReadyFor(SagaStep work, TestSaga saga) throws Exception {
        Order order = pendingOrder(orderId).createdAt(Instant.now()).build();
        if (work == SagaStep.ORDER_CREATE) {
            return order;
        }
        assertThat(orders.create(order, OrderEvents.CREATED, OrderEvents.created(order), saga.id())).isTrue();
        List<SagaStep> before = SagaStep.steps().contains(work)
                ? SagaStep.steps().subList(1, SagaStep.steps().indexOf(work))
                : Stream.concat(stepsWithACompensation().stream().skip(1),
                        compensations().subList(0, compensations().indexOf(work)).stream()).toList();
        for (SagaStep done : before) {
            Exchange inTheSaga = new DefaultExchange(camel);
            inTheSaga.getMessage().setHeader(SagaHeaders.ORDER_ID, orderId);
            inTheSaga.getMessage().setHeader(Exchange.SAGA_LONG_RUNNING_ACTION, saga.id());
            realWork(done, order).process(inTheSaga);
        }
        return order;
    }

    /** What the participant's bean does for real on the embedded DynamoDB and the simulated provider. */
    private Processor realWork(SagaStep work, Order order) {
        return exchange -> {
            String sagaId = exchange.getMessage().getHeader(Exchange.SAGA_LONG_RUNNING_ACTION, String.class);
            switch (work) {
                case ORDER_CREATE -> orderSteps.create(order, exchange);
                case INVENTORY_RESERVE -> inventory.reserve(orderId);
                case PAYMENT_CAPTURE -> capture.capture(orderId, order.paymentToken());
                case ORDER_CONFIRM -> orderSteps.confirm(orderId, exchange);
                case PAYMENT_REFUND -> refund.refund(orderId, sagaId);
                case INVENTORY_RELEASE -> inventory.release(orderId, sagaId);
                case ORDER_CANCEL -> orderSteps.cancel(orderId, sagaId, exchange);
                case FAILURE -> throw new IllegalArgumentException("not a route: " + work);
            }
        };
    }

    /** Two transient failures of the participant's kind, then success: three calls, each about the order. */
    private void failTwiceThenSucceed(SagaStep step, MockEndpoint work) {
        work.whenExchangeReceived(1, exchange -> { throw transientFailure(step, 1); });
        work.whenExchangeReceived(2, exchange -> { throw transientFailure(step, 2); });
        work.whenExchangeReceived(3, exchange -> exchange.setProperty(ANSWER, 3));
        work.expectedMessageCount(3);
        work.allMessages().header(SagaHeaders.ORDER_ID).isEqualTo(orderId);
    }

    private static Arguments failure(SagaStep step, String what, Function<String, Exception> failure) {
        return Arguments.of(step, Named.of(what, failure));
    }
}
