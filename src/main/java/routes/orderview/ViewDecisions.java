package routes.orderview;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import routes.inbox.InboundEvent;

/**
 * The read model's rules, as seed 002 describes them: an event older than what the view holds is
 * acknowledged and skipped; an event whose cause has not been applied waits for it; anything else
 * moves the view to the event's version.
 */
final class ViewDecisions {

    sealed interface Decision {}

    /** The view already holds this version or a newer one. */
    record Stale() implements Decision {}

    /** The event's cause is not in the view yet. */
    record WaitForCause(String causationId) implements Decision {}

    record Write(OrderSummary next, long expectedVersion) implements Decision {}

    private ViewDecisions() {}

    static Decision apply(Optional<OrderSummary> current, InboundEvent event) {
        if (current.isPresent() && event.aggregateVersion() <= current.get().version()) {
            return new Stale();
        }
        if (event.causationId() != null
                && current.map(view -> !view.appliedEventIds().contains(event.causationId())).orElse(true)) {
            return new WaitForCause(event.causationId());
        }
        Set<String> applied = new HashSet<>(current.map(OrderSummary::appliedEventIds).orElse(Set.of()));
        applied.add(event.id());
        String status = switch (event.type()) {
            case "order.created" -> "PENDING";
            case "order.confirmed" -> "CONFIRMED";
            case "order.cancelled" -> "CANCELLED";
            default -> current.map(OrderSummary::status).orElse("PENDING");
        };
        BigDecimal total = event.data().hasNonNull("total") ? event.data().get("total").decimalValue()
                : current.map(OrderSummary::total).orElse(null);
        return new Write(new OrderSummary(event.customerId(), event.orderId(), status, total, event.type(), event.id(),
                event.aggregateVersion(), applied), current.map(OrderSummary::version).orElse(0L));
    }
}
