package routes.ordersaga;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.SagaDefinition;
import org.apache.camel.model.SagaPropagation;

/**
 * The one shape of a participant's routes. A step joins the running saga, names the compensation
 * that undoes it and passes it the order id; a compensation runs with the saga's error handling.
 * Route ids are the step ids, so Hawtio and the order's history use the same names.
 */
public abstract class SagaParticipantRoutes extends RouteBuilder {

    /** The route of a saga step; what follows runs inside the saga. */
    protected ProcessorDefinition<?> step(SagaStep step, String description) {
        return joinSaga(step.endpoint(), step.id(), step.compensation(), description);
    }

    /** A step served under another endpoint than its own, such as the first step of a resumed saga. */
    protected ProcessorDefinition<?> joinSaga(String endpoint, String routeId, SagaStep compensation, String description) {
        SagaDefinition saga = from(endpoint).routeId(routeId)
                .description(description)
                .routeConfigurationId(SagaRouteConfigurations.SAGA_STEP)
                .saga().propagation(SagaPropagation.MANDATORY)
                    .option(SagaHeaders.ORDER_ID, header(SagaHeaders.ORDER_ID));
        if (compensation != null) {
            saga.compensation(compensation.endpoint());
        }
        return saga.id(routeId + "-joins-saga");
    }

    /** The route of a compensation. */
    protected RouteDefinition compensation(SagaStep compensation, String description) {
        return from(compensation.endpoint()).routeId(compensation.id())
                .description(description)
                .routeConfigurationId(SagaRouteConfigurations.SAGA_STEP)
                .log("Order ${header.orderId}: compensating " + SagaStep.undoneBy(compensation).id())
                    .id("log-" + compensation.id());
    }
}
