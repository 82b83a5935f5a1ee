package routes.payment;

import java.math.BigDecimal;

/**
 * What the payment provider holds for one order. {@code version} grows with every capture or
 * refund, so a newer view of the ledger is never overwritten by an older one.
 */
public record ProviderLedger(BigDecimal captured, BigDecimal refunded, long version) {

    public static final ProviderLedger NONE = new ProviderLedger(BigDecimal.ZERO, BigDecimal.ZERO, 0);
}
