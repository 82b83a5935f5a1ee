package routes.ordersaga;

/** Message headers the saga's routes share; also the names of the saga options compensations receive. */
public final class SagaHeaders {

    public static final String ORDER_ID = "orderId";
    public static final String PAYMENT_TOKEN = "paymentToken";

    private SagaHeaders() {}
}
