package routes.order;

import io.swagger.v3.oas.annotations.media.Schema;
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
        @Schema(description = "Optional idempotency key; the server makes one up when absent")
        @Pattern(regexp = Identifiers.PATTERN, message = Identifiers.RULE)
        String orderId,
        @NotBlank @Size(max = 128) String customerId,
        @NotNull @Size(min = 1, max = 50, message = "must have between 1 and 50 lines") List<@NotNull @Valid Line> items,
        @Schema(description = "The simulated provider's token: tok_ok, tok_declined, tok_flaky, tok_timeout")
        @NotBlank @Size(max = 128) String paymentToken) {

    /** One order line: which SKU, how many. The price comes from the catalog, never from the client. */
    public record Line(
            @NotBlank @Size(max = 64) String sku,
            @NotNull @Positive @Max(10_000) Integer quantity) {}
}
