package routes.order;

/** No order row with this id: a step or compensation was asked to act on an order that does not exist. */
public class UnknownOrderException extends RuntimeException {
    public UnknownOrderException(String orderId) {
        super("Order " + orderId + " does not exist");
    }
}
