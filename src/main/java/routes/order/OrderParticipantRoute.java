package routes.order;

import org.springframework.stereotype.Component;
import routes.ordersaga.OrderSagaRoute;
import routes.ordersaga.SagaParticipantRoutes;
import routes.ordersaga.SagaStep;

/** The order context in the saga: creates the order (undone by cancelling it) and confirms it. */
@Component
public class OrderParticipantRoute extends SagaParticipantRoutes {

    @Override
    public void configure() {
        step(SagaStep.ORDER_CREATE, "Saga step: writes the PENDING order and its order.created event")
                .bean(OrderSagaSteps.class, "create").id("write-order");

        joinSaga(OrderSagaRoute.ADOPT_ORDER, "order-adopt", SagaStep.ORDER_CREATE.compensation(),
                "Saga step of a resumed saga: takes the order over; undone, like order-create, by cancelling")
                .bean(OrderSagaSteps.class, "adopt").id("adopt-order-row");

        step(SagaStep.ORDER_CONFIRM, "Saga step: marks the order CONFIRMED with its order.confirmed event")
                .bean(OrderSagaSteps.class, "confirm").id("confirm-order-row");

        compensation(SagaStep.ORDER_CANCEL, "Compensation: marks the order CANCELLED with its reason and order.cancelled event")
                .bean(OrderSagaSteps.class, "cancel").id("cancel-order-row");
    }
}
