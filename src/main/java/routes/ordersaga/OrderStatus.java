package routes.ordersaga;

import routes.saga.SagaStatus;

/** An order's place in the saga: PENDING until the saga confirms or cancels it. */
public enum OrderStatus implements SagaStatus {
    PENDING, CONFIRMED, CANCELLED;

    @Override
    public boolean terminal() {
        return this != PENDING;
    }
}
