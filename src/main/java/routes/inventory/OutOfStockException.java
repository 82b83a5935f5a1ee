package routes.inventory;

import routes.saga.BusinessFailure;

/** Not enough available stock for at least one line of the order. */
public class OutOfStockException extends BusinessFailure {
    public static final String REASON = "OUT_OF_STOCK";

    public OutOfStockException(String orderId) {
        super(REASON, "Order " + orderId + ": not enough stock for every line");
    }
}
