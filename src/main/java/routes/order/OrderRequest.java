package routes.order;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The body of {@code POST /api/orders}. A client-supplied order id is the idempotency key.
 */
public record OrderRequest(
        @Pattern(regexp = OrderRequest.ID_PATTERN, message = "must be 1 to 64 letters, digits, '.', '_' or '-'")
        String orderId,
        @NotBlank @Size(max = 128) String customerId,
        @NotNull @Size(min = 1, max = 50, message = "must have between 1 and 50 lines") List<@NotNull @Valid Line> items,
        @NotBlank @Size(max = 128) String paymentToken) {

    public static final String ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    /** One order line: which SKU, how many. The price comes from the catalog, never from the client. */
    public record Line(
            @NotBlank @Size(max = 64) String sku,
            @NotNull @Positive @Max(10_000) Integer quantity) {}
}
