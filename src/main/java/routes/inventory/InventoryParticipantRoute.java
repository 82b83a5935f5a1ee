package routes.inventory;

import org.springframework.stereotype.Component;
import routes.ordersaga.SagaParticipantRoutes;
import routes.ordersaga.SagaStep;

/** The inventory context in the saga: reserves the order's stock, undone by releasing it. */
@Component
public class InventoryParticipantRoute extends SagaParticipantRoutes {

    @Override
    public void configure() {
        step(SagaStep.INVENTORY_RESERVE, "Saga step: moves every line's quantity from available to reserved, all or none")
                .bean(InventoryReservation.class, "reserve").id("reserve-stock");

        compensation(SagaStep.INVENTORY_RELEASE, "Compensation: gives the order's reserved stock back")
                .bean(InventoryReservation.class, "release").id("release-stock");
    }
}
