package routes.support;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.saga.CamelSagaCoordinator;
import org.apache.camel.saga.CamelSagaService;
import org.apache.camel.support.DefaultExchange;
import routes.ordersaga.SagaHeaders;

/**
 * A saga a test begins on the application's saga service, so that a participant route
 * (propagation MANDATORY) can be called on its own, then the saga compensated or completed as
 * the order saga would.
 */
public final class TestSaga {

    private final CamelContext camel;
    private final CamelSagaCoordinator coordinator;

    private TestSaga(CamelContext camel, CamelSagaCoordinator coordinator) {
        this.camel = camel;
        this.coordinator = coordinator;
    }

    public static TestSaga begin(CamelSagaService sagas, CamelContext camel) {
        return new TestSaga(camel, sagas.newSaga(new DefaultExchange(camel)).join());
    }

    /** The saga's id, as participants see it in Exchange.SAGA_LONG_RUNNING_ACTION. */
    public String id() {
        return coordinator.getId();
    }

    /** Sends a message about the order to the endpoint inside this saga; the exchange tells how it went. */
    public Exchange send(ProducerTemplate producer, String uri, String orderId) {
        return producer.send(uri, exchange -> {
            exchange.getMessage().setHeader(SagaHeaders.ORDER_ID, orderId);
            exchange.getMessage().setHeader(Exchange.SAGA_LONG_RUNNING_ACTION, coordinator.getId());
        });
    }

    /** Starts the compensations of the steps that began, in reverse order; they run in the background. */
    public void compensate() {
        coordinator.compensate(new DefaultExchange(camel)).join();
    }
}
