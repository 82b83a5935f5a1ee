package routes.ordersaga;

import java.math.BigDecimal;

/** One line of an order, priced from the catalog when the order was placed. */
public record OrderLine(String sku, int quantity, BigDecimal unitPrice) {

    public BigDecimal amount() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
}
