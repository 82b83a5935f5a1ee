package routes.order;

import static org.assertj.core.api.Assertions.assertThat;
import static routes.support.TestOrders.pendingOrder;

import java.time.Instant;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExchangeException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.saga.CamelSagaService;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.UseAdviceWith;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import routes.ordersaga.Order;
import routes.ordersaga.OrderLog;
import routes.ordersaga.OrderSagaRoute;
import routes.ordersaga.OrderStatus;
import routes.ordersaga.SagaHeaders;
import routes.ordersaga.SagaStep;
import routes.saga.SagaContentionException;
import routes.saga.SagaRecordNotFoundException;
import routes.saga.StepSupersededException;
import routes.support.EmbeddedAwsPortsInitializer;
import routes.support.TestSaga;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * The order participant routes with the order row writes mocked: which failures are redelivered,
 * that create and confirm only run inside a saga, and that create registers the cancel as its
 * compensation.
 */
@CamelSpringBootTest
@SpringBootTest(properties = {
        // The order rows some tests write are never the recovery route's business here.
        "app.saga.recovery-grace=1h",
        "app.saga.step-retries=3",
        "app.saga.step-retry-delay=10",
        "app.saga.step-retry-max-delay=50"})
@ContextConfiguration(initializers = EmbeddedAwsPortsInitializer.class)
@UseAdviceWith
@DirtiesContext
class OrderParticipantRouteTest {

    @Autowired CamelContext camel;
    @Autowired ProducerTemplate producer;
    @Autowired CamelSagaService sagas;
    @Autowired OrderSagaSteps orderSteps;
    @Autowired OrderLog orders;

    private MockEndpoint writeOrder;
    private MockEndpoint confirmOrderRow;
    private MockEndpoint cancelOrderRow;
    private final String orderId = "order-" + UUID.randomUUID();

    @BeforeEach
    void mockTheOrderRowWrites() throws Exception {
        if (!camel.isStarted()) {
            AdviceWith.adviceWith(camel, "order-create",
                    route -> route.weaveById("write-order").replace().to("mock:write-order"));
            AdviceWith.adviceWith(camel, "order-confirm",
                    route -> route.weaveById("confirm-order-row").replace().to("mock:confirm-order-row"));
            AdviceWith.adviceWith(camel, "order-cancel",
                    route -> route.weaveById("cancel-order-row").replace().to("mock:cancel-order-row"));
            camel.start();
        }
        MockEndpoint.resetMocks(camel);
        writeOrder = camel.getEndpoint("mock:write-order", MockEndpoint.class);
        confirmOrderRow = camel.getEndpoint("mock:confirm-order-row", MockEndpoint.class);
        cancelOrderRow = camel.getEndpoint("mock:cancel-order-row", MockEndpoint.class);
    }

    @Test
    void createRedeliversAnUnreachableDynamoDbThenCreatesTheOrder() throws Exception {
        writeOrder.whenExchangeReceived(1, exchange -> { throw SdkClientException.create("connection reset"); });
        writeOrder.whenExchangeReceived(2, exchange -> exchange.setProperty(OrderSagaRoute.ORDER_CREATED, true));
        writeOrder.expectedMessageCount(2);
        writeOrder.allMessages().header(SagaHeaders.ORDER_ID).isEqualTo(orderId);

        Exchange result = TestSaga.begin(sagas, camel).send(producer, "direct:order-create", orderId);

        assertThat(result.getException()).isNull();
        assertThat(result.getProperty(OrderSagaRoute.ORDER_CREATED)).isEqualTo(true);
        writeOrder.assertIsSatisfied();
    }

    /*
     * Regression: a redelivery after a write that committed but whose answer was lost must find its
     * own saga id on the row and report ORDER_CREATED=true, instead of ending the saga as a
     * duplicate and leaving the order PENDING for the recovery route to cancel.
     */
    @Test
    void createRedeliveredAfterItsWriteCommittedStillReportsTheOrderAsCreated() throws Exception {
        Order order = pendingOrder(orderId).createdAt(Instant.now()).build();
        // The real step against the embedded DynamoDB; the first answer is lost after the transaction committed.
        writeOrder.whenExchangeReceived(1, exchange -> {
            orderSteps.create(order, exchange);
            throw SdkClientException.create("read timed out after the transaction committed");
        });
        writeOrder.whenAnyExchangeReceived(exchange -> orderSteps.create(order, exchange));
        writeOrder.expectedMessageCount(2);

        Exchange result = TestSaga.begin(sagas, camel).send(producer, "direct:order-create", orderId);

        assertThat(result.getException()).isNull();
        writeOrder.assertIsSatisfied();
        assertThat(orders.find(orderId)).get().extracting(Order::status).isEqualTo(OrderStatus.PENDING);
        assertThat(result.getProperty(OrderSagaRoute.ORDER_CREATED))
                .as("this saga wrote the order, so it must go on with it rather than end as a duplicate")
                .isEqualTo(true);
    }

    @Test
    void createFailsOnceItsRedeliveriesAreSpent() throws Exception {
        writeOrder.whenAnyExchangeReceived(exchange -> { throw SdkClientException.create("connection reset"); });
        writeOrder.expectedMessageCount(1 + 3);

        Exchange result = TestSaga.begin(sagas, camel).send(producer, "direct:order-create", orderId);

        assertThat(result.getException()).isInstanceOf(SdkClientException.class);
        writeOrder.assertIsSatisfied();
    }

    @Test
    void confirmRedeliversWhileTheOrderRowKeepsChanging() throws Exception {
        confirmOrderRow.whenExchangeReceived(1, exchange -> { throw new SagaContentionException(orderId); });
        confirmOrderRow.expectedMessageCount(2);

        Exchange result = TestSaga.begin(sagas, camel).send(producer, "direct:order-confirm", orderId);

        assertThat(result.getException()).isNull();
        confirmOrderRow.assertIsSatisfied();
    }

    @Test
    void supersededConfirmIsNotRedeliveredAndFailsTheStep() throws Exception {
        confirmOrderRow.whenAnyExchangeReceived(exchange -> {
            throw new StepSupersededException(orderId, SagaStep.ORDER_CONFIRM, "the saga is compensating");
        });
        confirmOrderRow.expectedMessageCount(1);

        Exchange result = TestSaga.begin(sagas, camel).send(producer, "direct:order-confirm", orderId);

        assertThat(result.getException()).isInstanceOf(StepSupersededException.class);
        confirmOrderRow.assertIsSatisfied();
    }

    @Test
    void confirmOfAnUnknownOrderIsNotRedelivered() throws Exception {
        confirmOrderRow.whenAnyExchangeReceived(exchange -> { throw new SagaRecordNotFoundException(orderId); });
        confirmOrderRow.expectedMessageCount(1);

        Exchange result = TestSaga.begin(sagas, camel).send(producer, "direct:order-confirm", orderId);

        assertThat(result.getException()).isInstanceOf(SagaRecordNotFoundException.class);
        confirmOrderRow.assertIsSatisfied();
    }

    @ParameterizedTest
    @ValueSource(strings = {"direct:order-create", "direct:order-confirm"})
    void stepOutsideASagaIsRejectedBeforeWritingTheOrder(String step) throws Exception {
        writeOrder.expectedMessageCount(0);
        confirmOrderRow.expectedMessageCount(0);

        Exchange result = producer.send(step, exchange -> exchange.getMessage().setHeader(SagaHeaders.ORDER_ID, orderId));

        assertThat(result.getException()).isInstanceOf(CamelExchangeException.class)
                .hasMessageContaining("not part of a saga");
        MockEndpoint.assertIsSatisfied(writeOrder, confirmOrderRow);
    }

    @Test
    void createRegistersTheCancelOfTheSameOrderAsItsCompensation() throws Exception {
        writeOrder.whenAnyExchangeReceived(exchange -> exchange.setProperty(OrderSagaRoute.ORDER_CREATED, true));
        TestSaga saga = TestSaga.begin(sagas, camel);
        assertThat(saga.send(producer, "direct:order-create", orderId).getException()).isNull();
        cancelOrderRow.expectedMessageCount(1);
        cancelOrderRow.expectedHeaderReceived(SagaHeaders.ORDER_ID, orderId);

        saga.compensate();

        cancelOrderRow.setResultWaitTime(10_000);
        cancelOrderRow.assertIsSatisfied();
    }

    @Test
    void cancelRedeliversAnUnreachableDynamoDbThenCancels() throws Exception {
        cancelOrderRow.whenExchangeReceived(1, exchange -> { throw SdkClientException.create("read timed out"); });
        cancelOrderRow.whenExchangeReceived(2, exchange -> { throw new SagaContentionException(orderId); });
        cancelOrderRow.expectedMessageCount(3);

        Exchange result = producer.send("direct:order-cancel",
                exchange -> exchange.getMessage().setHeader(SagaHeaders.ORDER_ID, orderId));

        assertThat(result.getException()).isNull();
        cancelOrderRow.assertIsSatisfied();
    }
}
