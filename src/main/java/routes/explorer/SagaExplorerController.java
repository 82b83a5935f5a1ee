package routes.explorer;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import routes.api.Identifiers;
import routes.api.InvalidFieldException;
import routes.api.NotFoundException;
import routes.ordersaga.OrderStatus;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The saga explorer's API. {@code GET /api/sagas?status=&limit=&next=}: the sagas of a status, PENDING
 * (the default) oldest first, in pages. {@code GET /api/sagas/{orderId}}: one saga's timeline.
 */
@RestController
@RequestMapping("/api/sagas")
@Tag(name = "Sagas", description = "The saga explorer: sagas by status, one saga's timeline (operator)")
class SagaExplorerController {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    private static final String STATUSES =
            Arrays.stream(OrderStatus.values()).map(Enum::name).collect(Collectors.joining(", "));

    private final SagaListing listing;
    private final SagaHistoryReader histories;

    SagaExplorerController(SagaListing listing, SagaHistoryReader histories) {
        this.listing = listing;
        this.histories = histories;
    }

    @GetMapping
    @Operation(summary = "The sagas of a status, a page at a time", description = "PENDING ones oldest first")
    @ApiResponse(responseCode = "200", description = "A page; next, when present, asks for the following one")
    @ApiResponse(responseCode = "400", description = "An unknown status, limit out of range, or a next that is not "
            + "this listing's")
    @ApiResponse(responseCode = "401", description = "No or wrong operator login, where one is required (aws mode, "
            + "app.console.authentication=required)")
    SagaSummary.Page list(
            @Parameter(schema = @Schema(allowableValues = {"PENDING", "CONFIRMED", "CANCELLED"}, defaultValue = "PENDING"))
            @RequestParam(defaultValue = "PENDING") String status,
            @Parameter(schema = @Schema(type = "integer", minimum = "1", maximum = "" + MAX_LIMIT,
                    defaultValue = "" + DEFAULT_LIMIT))
            @RequestParam(defaultValue = "" + DEFAULT_LIMIT) String limit,
            @Parameter(description = "The next of the previous page") @RequestParam(required = false) String next) {
        OrderStatus wanted = status(status);
        int count = limit(limit);
        Map<String, AttributeValue> from = next == null ? null : listing.start(wanted, next);
        return listing.page(wanted, count, from);
    }

    @GetMapping("/{orderId}")
    @Operation(summary = "One saga's timeline, oldest first: steps, retries, events, consumers, notices")
    @ApiResponse(responseCode = "200", description = "The saga")
    @ApiResponse(responseCode = "400", description = "An order id of another shape")
    @ApiResponse(responseCode = "401", description = "No or wrong operator login, where one is required (aws mode, "
            + "app.console.authentication=required)")
    @ApiResponse(responseCode = "404", description = "No saga for this order")
    SagaTimeline timeline(@Parameter(schema = @Schema(pattern = Identifiers.PATTERN), example = "o-1")
            @PathVariable String orderId) {
        if (!Identifiers.wellFormed(orderId)) {
            throw new InvalidFieldException("orderId", Identifiers.RULE);
        }
        return histories.read(orderId).map(TimelineAssembly::timeline)
                .orElseThrow(() -> new NotFoundException("No saga for order " + orderId));
    }

    private static OrderStatus status(String status) {
        return Arrays.stream(OrderStatus.values()).filter(value -> value.name().equals(status)).findFirst()
                .orElseThrow(() -> new InvalidFieldException("status", "must be one of " + STATUSES));
    }

    private static int limit(String limit) {
        try {
            int count = Integer.parseInt(limit);
            if (count >= 1 && count <= MAX_LIMIT) {
                return count;
            }
        } catch (NumberFormatException notANumber) {
            // The same answer as a number out of range.
        }
        throw new InvalidFieldException("limit", "must be an integer from 1 to " + MAX_LIMIT);
    }
}
