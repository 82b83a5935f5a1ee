package routes.payment;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import routes.ordersaga.SagaHeaders;
import routes.saga.StepSupersededException;
import routes.ordersaga.SagaStep;
import routes.support.EmbeddedAwsPortsInitializer;
import routes.support.TestSaga;

/**
 * The payment participant routes with the provider calls mocked: an unavailable provider is asked
 * again, a decline or a superseded capture is not, the capture only runs inside a saga, and it
 * registers the refund as its compensation.
 */
@CamelSpringBootTest
@SpringBootTest(properties = {
        "app.saga.step-retries=3",
        "app.saga.step-retry-delay=10",
        "app.saga.step-retry-max-delay=50"})
@ContextConfiguration(initializers = EmbeddedAwsPortsInitializer.class)
@UseAdviceWith
@DirtiesContext
class PaymentParticipantRouteTest {

    @Autowired CamelContext camel;
    @Autowired ProducerTemplate producer;
    @Autowired CamelSagaService sagas;

    private MockEndpoint capture;
    private MockEndpoint refund;
    private final String orderId = "order-" + UUID.randomUUID();

    @BeforeEach
    void mockTheProvider() throws Exception {
        if (!camel.isStarted()) {
            AdviceWith.adviceWith(camel, "payment-capture",
                    route -> route.weaveById("capture-with-provider").replace().to("mock:capture-with-provider"));
            AdviceWith.adviceWith(camel, "payment-refund",
                    route -> route.weaveById("refund-with-provider").replace().to("mock:refund-with-provider"));
            camel.start();
        }
        MockEndpoint.resetMocks(camel);
        capture = camel.getEndpoint("mock:capture-with-provider", MockEndpoint.class);
        refund = camel.getEndpoint("mock:refund-with-provider", MockEndpoint.class);
    }

    @Test
    void captureAsksAnUnavailableProviderAgainThenCaptures() throws Exception {
        capture.whenExchangeReceived(1, exchange -> { throw new TransientPaymentException("provider overloaded"); });
        capture.whenExchangeReceived(2, exchange -> { throw new TransientPaymentException("provider overloaded"); });
        capture.expectedMessageCount(3);
        capture.allMessages().header(SagaHeaders.ORDER_ID).isEqualTo(orderId);

        Exchange result = TestSaga.begin(sagas, camel).send(producer, "direct:payment-capture", orderId);

        assertThat(result.getException()).isNull();
        capture.assertIsSatisfied();
    }

    @Test
    void declinedPaymentIsNotAskedAgainAndFailsTheCapture() throws Exception {
        capture.whenAnyExchangeReceived(exchange -> { throw new PaymentDeclinedException(orderId); });
        capture.expectedMessageCount(1);

        Exchange result = TestSaga.begin(sagas, camel).send(producer, "direct:payment-capture", orderId);

        assertThat(result.getException()).isInstanceOf(PaymentDeclinedException.class);
        capture.assertIsSatisfied();
    }

    @Test
    void captureSupersededByItsRefundIsNotRetried() throws Exception {
        capture.whenAnyExchangeReceived(exchange -> {
            throw new StepSupersededException(orderId, SagaStep.PAYMENT_CAPTURE, "the refund already ran");
        });
        capture.expectedMessageCount(1);

        Exchange result = TestSaga.begin(sagas, camel).send(producer, "direct:payment-capture", orderId);

        assertThat(result.getException()).isInstanceOf(StepSupersededException.class);
        capture.assertIsSatisfied();
    }

    @Test
    void captureFailsOnceItsRetriesAreSpent() throws Exception {
        capture.whenAnyExchangeReceived(exchange -> { throw new TransientPaymentException("provider down"); });
        capture.expectedMessageCount(1 + 3);

        Exchange result = TestSaga.begin(sagas, camel).send(producer, "direct:payment-capture", orderId);

        assertThat(result.getException()).isInstanceOf(TransientPaymentException.class);
        capture.assertIsSatisfied();
    }

    @Test
    void captureOutsideASagaIsRejectedBeforeCallingTheProvider() throws Exception {
        capture.expectedMessageCount(0);

        Exchange result = producer.send("direct:payment-capture",
                exchange -> exchange.getMessage().setHeader(SagaHeaders.ORDER_ID, orderId));

        assertThat(result.getException()).isInstanceOf(CamelExchangeException.class)
                .hasMessageContaining("not part of a saga");
        capture.assertIsSatisfied();
    }

    @Test
    void captureRegistersTheRefundOfTheSameOrderAsItsCompensation() throws Exception {
        TestSaga saga = TestSaga.begin(sagas, camel);
        assertThat(saga.send(producer, "direct:payment-capture", orderId).getException()).isNull();
        refund.expectedMessageCount(1);
        refund.expectedHeaderReceived(SagaHeaders.ORDER_ID, orderId);

        saga.compensate();

        refund.setResultWaitTime(10_000);
        refund.assertIsSatisfied();
    }

    @Test
    void refundAsksAnUnavailableProviderAgainThenRefunds() throws Exception {
        refund.whenExchangeReceived(1, exchange -> { throw new TransientPaymentException("provider overloaded"); });
        refund.whenExchangeReceived(2, exchange -> { throw new TransientPaymentException("provider overloaded"); });
        refund.expectedMessageCount(3);

        Exchange result = producer.send("direct:payment-refund",
                exchange -> exchange.getMessage().setHeader(SagaHeaders.ORDER_ID, orderId));

        assertThat(result.getException()).isNull();
        refund.assertIsSatisfied();
    }
}
