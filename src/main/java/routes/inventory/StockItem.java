package routes.inventory;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;

/** One SKU's catalog price and stock: {@code available} can be reserved, {@code reserved} is held by orders. */
@Schema(requiredProperties = {"sku", "price", "available", "reserved"},
        additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
public record StockItem(String sku, BigDecimal price, long available, long reserved) {}
