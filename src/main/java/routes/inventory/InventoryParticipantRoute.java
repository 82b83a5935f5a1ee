package routes.inventory;

import static routes.order.SagaRouteConfigurations.SAGA_STEP;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.SagaPropagation;
import org.springframework.stereotype.Component;
import routes.order.SagaHeaders;

/** The inventory context in the saga: reserves the order's stock, undone by releasing it. */
@Component
public class InventoryParticipantRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:inventory-reserve").routeId("inventory-reserve")
                .description("Saga step: moves every line's quantity from available to reserved, all or none")
                .routeConfigurationId(SAGA_STEP)
                .saga().propagation(SagaPropagation.MANDATORY)
                    .option(SagaHeaders.ORDER_ID, header(SagaHeaders.ORDER_ID))
                    .compensation("direct:inventory-release")
                .bean(InventoryReservation.class, "reserve").id("reserve-stock");

        from("direct:inventory-release").routeId("inventory-release")
                .description("Compensation: gives the order's reserved stock back")
                .routeConfigurationId(SAGA_STEP)
                .log("Order ${header.orderId}: compensating inventory-reserve")
                .bean(InventoryReservation.class, "release").id("release-stock");
    }
}
