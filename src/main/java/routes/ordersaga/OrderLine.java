package routes.ordersaga;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;

/** One line of an order, priced from the catalog when the order was placed. */
@Schema(requiredProperties = {"sku", "quantity", "unitPrice"}, additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
public record OrderLine(String sku, int quantity, BigDecimal unitPrice) {

    public BigDecimal amount() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
}
