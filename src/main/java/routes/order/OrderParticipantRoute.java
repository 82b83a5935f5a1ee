package routes.order;

import static routes.order.SagaRouteConfigurations.SAGA_STEP;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.SagaPropagation;
import org.springframework.stereotype.Component;

/** The order context in the saga: creates the order (undone by cancelling it) and confirms it. */
@Component
public class OrderParticipantRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:order-create").routeId("order-create")
                .description("Saga step: writes the PENDING order and its order.created event")
                .routeConfigurationId(SAGA_STEP)
                .saga().propagation(SagaPropagation.MANDATORY)
                    .option(SagaHeaders.ORDER_ID, header(SagaHeaders.ORDER_ID))
                    .compensation("direct:order-cancel")
                .bean(OrderSagaSteps.class, "create").id("write-order");

        from("direct:order-adopt").routeId("order-adopt")
                .description("Saga step of a resumed saga: takes the order over; undone, like order-create, by cancelling")
                .routeConfigurationId(SAGA_STEP)
                .saga().propagation(SagaPropagation.MANDATORY)
                    .option(SagaHeaders.ORDER_ID, header(SagaHeaders.ORDER_ID))
                    .compensation("direct:order-cancel")
                .bean(OrderSagaSteps.class, "adopt").id("adopt-order-row");

        from("direct:order-confirm").routeId("order-confirm")
                .description("Saga step: marks the order CONFIRMED with its order.confirmed event")
                .routeConfigurationId(SAGA_STEP)
                .saga().propagation(SagaPropagation.MANDATORY)
                    .option(SagaHeaders.ORDER_ID, header(SagaHeaders.ORDER_ID))
                .bean(OrderSagaSteps.class, "confirm").id("confirm-order-row");

        from("direct:order-cancel").routeId("order-cancel")
                .description("Compensation: marks the order CANCELLED with its reason and order.cancelled event")
                .routeConfigurationId(SAGA_STEP)
                .log("Order ${header.orderId}: compensating order-create")
                .bean(OrderSagaSteps.class, "cancel").id("cancel-order-row");
    }
}
