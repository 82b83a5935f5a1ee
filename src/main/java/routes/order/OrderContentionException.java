package routes.order;

/** Transient: the order row kept changing under a step; the step's redelivery tries again later. */
public class OrderContentionException extends TransientFailure {
    public OrderContentionException(String orderId) {
        super("Order " + orderId + " kept changing while a saga step tried to write it");
    }
}
