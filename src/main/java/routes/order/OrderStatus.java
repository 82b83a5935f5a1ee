package routes.order;

/** An order's place in the saga: PENDING until the saga confirms or cancels it. */
public enum OrderStatus {
    PENDING, CONFIRMED, CANCELLED;

    public boolean terminal() {
        return this != PENDING;
    }
}
