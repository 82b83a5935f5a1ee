package routes.payment;

import java.math.BigDecimal;

/**
 * The payment provider the saga captures from and refunds through. Both calls are idempotent per
 * order id, as real providers' idempotency keys make them.
 */
public interface PaymentProvider {

    /**
     * Captures the amount once per order.
     *
     * @throws PaymentDeclinedException  the provider refused the payment (a business failure)
     * @throws TransientPaymentException the provider could not answer now; the call may be retried
     */
    ProviderLedger capture(String orderId, BigDecimal amount, String paymentToken);

    /** Refunds whatever is captured and not yet refunded for the order (nothing when nothing was). */
    ProviderLedger refundAll(String orderId);
}
