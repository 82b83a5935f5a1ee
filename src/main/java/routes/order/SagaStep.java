package routes.order;

/**
 * The steps and compensations of the order saga. Their names are the route ids users see in
 * Hawtio, and what the order row records as done: the order row is the saga's log.
 */
public enum SagaStep {
    ORDER_CREATE("order-create"),
    INVENTORY_RESERVE("inventory-reserve"),
    PAYMENT_CAPTURE("payment-capture"),
    ORDER_CONFIRM("order-confirm"),
    PAYMENT_REFUND("payment-refund"),
    INVENTORY_RELEASE("inventory-release"),
    ORDER_CANCEL("order-cancel"),
    /** Not a route: a failed step writing down why the saga is about to compensate. */
    FAILURE("failure");

    private final String id;

    SagaStep(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
