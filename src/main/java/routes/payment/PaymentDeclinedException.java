package routes.payment;

import routes.saga.BusinessFailure;

/** The provider refused the payment. */
public class PaymentDeclinedException extends BusinessFailure {
    public static final String REASON = "PAYMENT_DECLINED";

    public PaymentDeclinedException(String orderId) {
        super(REASON, "Order " + orderId + ": payment declined");
    }
}
