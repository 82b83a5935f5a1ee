package routes.explorer;

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
    SagaSummary.Page list(@RequestParam(defaultValue = "PENDING") String status,
            @RequestParam(defaultValue = "" + DEFAULT_LIMIT) String limit,
            @RequestParam(required = false) String next) {
        OrderStatus wanted = status(status);
        int count = limit(limit);
        Map<String, AttributeValue> from = next == null ? null : listing.start(wanted, next);
        return listing.page(wanted, count, from);
    }

    @GetMapping("/{orderId}")
    SagaTimeline timeline(@PathVariable String orderId) {
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
