package routes.orderview;

import java.math.BigDecimal;
import java.util.Optional;
import routes.inbox.InboundEvent;
import routes.order.OrderEvents;

/**
 * The read model's rules: the view merges what each event says, so any delivery order, with any
 * duplicates, ends in the same view, and no event waits for another. The newest event by aggregate
 * version gives the last event; the newest of the events that set a status (created, confirmed,
 * cancelled) gives the status; the total, the same in every event that carries it, fills in once.
 * An event that adds nothing is stale: acknowledged and skipped.
 */
final class ViewDecisions {

    sealed interface Decision {}

    /** The view already holds everything this event says. */
    record Stale() implements Decision {}

    /** The merged row, to be written over {@code previous} (empty: the row is new). */
    record Write(OrderSummary next, Optional<OrderSummary> previous) implements Decision {}

    static final String PENDING = "PENDING";

    private ViewDecisions() {}

    static Decision apply(Optional<OrderSummary> current, InboundEvent event) {
        long version = event.aggregateVersion();
        boolean newest = current.map(view -> version > view.version()).orElse(true);
        String status = statusSetBy(event.type());
        boolean newestStatus = status != null && current.map(view -> version > view.statusVersion()).orElse(true);
        BigDecimal total = event.data().hasNonNull("total") ? event.data().get("total").decimalValue() : null;
        boolean fillsTotal = total != null && current.map(view -> view.total() == null).orElse(true);
        if (current.isPresent() && !newest && !newestStatus && !fillsTotal) {
            return new Stale();
        }
        OrderSummary view = current.orElse(new OrderSummary(event.customerId(), event.orderId(), PENDING, 0, null,
                event.type(), event.id(), 0, 0));
        return new Write(new OrderSummary(view.customerId(), view.orderId(),
                newestStatus ? status : view.status(),
                newestStatus ? version : view.statusVersion(),
                fillsTotal ? total : view.total(),
                newest ? event.type() : view.lastEventType(),
                newest ? event.id() : view.lastEventId(),
                newest ? version : view.version(),
                view.revision() + 1), current);
    }

    /** The order status an event type sets, or null for the events that leave it as it is. */
    static String statusSetBy(String eventType) {
        return switch (eventType) {
            case OrderEvents.CREATED -> PENDING;
            case OrderEvents.CONFIRMED -> "CONFIRMED";
            case OrderEvents.CANCELLED -> "CANCELLED";
            default -> null;
        };
    }
}
