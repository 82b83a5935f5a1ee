package routes.order;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import routes.api.Identifiers;

/**
 * The body of {@code POST /api/orders}. A client-supplied order id is the idempotency key.
 */
public record OrderRequest(
        @Pattern(regexp = Identifiers.PATTERN, message = Identifiers.RULE)
        String orderId,
        @NotBlank @Size(max = 128) String customerId,
        @NotNull @Size(min = 1, max = 50, message = "must have between 1 and 50 lines") List<@NotNull @Valid Line> items,
        @NotBlank @Size(max = 128) String paymentToken) {

    /** One order line: which SKU, how many. The price comes from the catalog, never from the client. */
    public record Line(
            @NotBlank @Size(max = 64) String sku,
            @NotNull @Positive @Max(10_000) Integer quantity) {}
}
