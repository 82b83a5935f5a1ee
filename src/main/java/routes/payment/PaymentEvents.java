package routes.payment;

/** The events the payment context publishes: their types, declared once. */
public final class PaymentEvents {

    public static final String CAPTURED = "payment.captured";
    public static final String DECLINED = "payment.declined";
    public static final String REFUNDED = "payment.refunded";

    private PaymentEvents() {}
}
