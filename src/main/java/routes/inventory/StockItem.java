package routes.inventory;

import java.math.BigDecimal;

/** One SKU's catalog price and stock: {@code available} can be reserved, {@code reserved} is held by orders. */
public record StockItem(String sku, BigDecimal price, long available, long reserved) {}
