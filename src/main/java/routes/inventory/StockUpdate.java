package routes.inventory;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;

/** The body of {@code PUT /api/inventory/{sku}}: the available count, and the price (required for a new SKU). */
public record StockUpdate(
        @NotNull @PositiveOrZero @Max(1_000_000_000) Long available,
        @Schema(description = "At most 9 digits before the point and 2 after; required for a new SKU")
        @DecimalMin(value = "0.01") @Digits(integer = 9, fraction = 2) BigDecimal price) {}
