package routes.inventory;

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
import routes.support.EmbeddedAwsPortsInitializer;
import routes.support.TestSaga;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * The inventory participant routes with their stock writes mocked: which failures are redelivered,
 * that the reservation only runs inside a saga, and that it registers the release as its compensation.
 */
@CamelSpringBootTest
@SpringBootTest(properties = {
        "app.saga.step-retries=3",
        "app.saga.step-retry-delay=10",
        "app.saga.step-retry-max-delay=50"})
@ContextConfiguration(initializers = EmbeddedAwsPortsInitializer.class)
@UseAdviceWith
@DirtiesContext
class InventoryParticipantRouteTest {

    @Autowired CamelContext camel;
    @Autowired ProducerTemplate producer;
    @Autowired CamelSagaService sagas;

    private MockEndpoint reserveStock;
    private MockEndpoint releaseStock;
    private final String orderId = "order-" + UUID.randomUUID();

    @BeforeEach
    void mockTheStockWrites() throws Exception {
        if (!camel.isStarted()) {
            AdviceWith.adviceWith(camel, "inventory-reserve",
                    route -> route.weaveById("reserve-stock").replace().to("mock:reserve-stock"));
            AdviceWith.adviceWith(camel, "inventory-release",
                    route -> route.weaveById("release-stock").replace().to("mock:release-stock"));
            camel.start();
        }
        MockEndpoint.resetMocks(camel);
        reserveStock = camel.getEndpoint("mock:reserve-stock", MockEndpoint.class);
        releaseStock = camel.getEndpoint("mock:release-stock", MockEndpoint.class);
    }

    @Test
    void reserveRedeliversAnUnreachableDynamoDbThenReserves() throws Exception {
        reserveStock.whenExchangeReceived(1, exchange -> { throw SdkClientException.create("connection reset"); });
        reserveStock.whenExchangeReceived(2, exchange -> { throw SdkClientException.create("connection reset"); });
        reserveStock.expectedMessageCount(3);
        reserveStock.allMessages().header(SagaHeaders.ORDER_ID).isEqualTo(orderId);

        Exchange result = TestSaga.begin(sagas, camel).send(producer, "direct:inventory-reserve", orderId);

        assertThat(result.getException()).isNull();
        reserveStock.assertIsSatisfied();
    }

    @Test
    void reserveFailsOnceItsRedeliveriesAreSpent() throws Exception {
        reserveStock.whenAnyExchangeReceived(exchange -> { throw SdkClientException.create("connection reset"); });
        reserveStock.expectedMessageCount(1 + 3);

        Exchange result = TestSaga.begin(sagas, camel).send(producer, "direct:inventory-reserve", orderId);

        assertThat(result.getException()).isInstanceOf(SdkClientException.class);
        reserveStock.assertIsSatisfied();
    }

    @Test
    void outOfStockIsNotRedeliveredAndFailsTheReservation() throws Exception {
        reserveStock.whenAnyExchangeReceived(exchange -> { throw new OutOfStockException(orderId); });
        reserveStock.expectedMessageCount(1);

        Exchange result = TestSaga.begin(sagas, camel).send(producer, "direct:inventory-reserve", orderId);

        assertThat(result.getException()).isInstanceOf(OutOfStockException.class);
        reserveStock.assertIsSatisfied();
    }

    @Test
    void reserveOutsideASagaIsRejectedBeforeTouchingStock() throws Exception {
        reserveStock.expectedMessageCount(0);

        Exchange result = producer.send("direct:inventory-reserve",
                exchange -> exchange.getMessage().setHeader(SagaHeaders.ORDER_ID, orderId));

        assertThat(result.getException()).isInstanceOf(CamelExchangeException.class)
                .hasMessageContaining("not part of a saga");
        reserveStock.assertIsSatisfied();
    }

    @Test
    void reserveRegistersTheReleaseOfTheSameOrderAsItsCompensation() throws Exception {
        TestSaga saga = TestSaga.begin(sagas, camel);
        assertThat(saga.send(producer, "direct:inventory-reserve", orderId).getException()).isNull();
        releaseStock.expectedMessageCount(1);
        releaseStock.expectedHeaderReceived(SagaHeaders.ORDER_ID, orderId);

        saga.compensate();

        releaseStock.setResultWaitTime(10_000);
        releaseStock.assertIsSatisfied();
    }

    @Test
    void releaseRedeliversAnUnreachableDynamoDbThenReleases() throws Exception {
        releaseStock.whenExchangeReceived(1, exchange -> { throw SdkClientException.create("read timed out"); });
        releaseStock.expectedMessageCount(2);

        Exchange result = producer.send("direct:inventory-release",
                exchange -> exchange.getMessage().setHeader(SagaHeaders.ORDER_ID, orderId));

        assertThat(result.getException()).isNull();
        releaseStock.assertIsSatisfied();
    }
}
