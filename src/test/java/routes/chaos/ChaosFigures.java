package routes.chaos;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The run's figures about outcomes: orders by kind and final state, and the cancellations nothing
 * but a crash explains: a tok_ok or tok_flaky order on a stocked SKU, cancelled although its saga
 * did not overlap the provider outage.
 */
final class ChaosFigures {

    private final Map<String, StoredOutcome.StoredOrder> orders;
    private final List<OrderClient.Placement> placements;
    private final Instant outageStart;
    private final Instant outageEnd;

    ChaosFigures(StoredOutcome stored, List<OrderClient.Placement> placements, Instant outageStart, Instant outageEnd) {
        this.orders = stored.orders();
        this.placements = placements;
        this.outageStart = outageStart;
        this.outageEnd = outageEnd;
    }

    /** Final status and reason → orders, for all orders. */
    Map<String, Long> byOutcome() {
        return new TreeMap<>(orders.values().stream().collect(Collectors.groupingBy(ChaosFigures::outcome, Collectors.counting())));
    }

    /** Kind of order → final status and reason → orders. */
    Map<PlannedOrder.Kind, Map<String, Long>> byKind() {
        Map<PlannedOrder.Kind, Map<String, Long>> table = new TreeMap<>();
        for (OrderClient.Placement placement : placements) {
            StoredOutcome.StoredOrder order = orders.get(placement.order().orderId());
            table.computeIfAbsent(placement.order().kind(), k -> new TreeMap<>())
                    .merge(order == null ? "NOT STORED" : outcome(order), 1L, Long::sum);
        }
        return table;
    }

    /** Orders that should have been confirmed, were cancelled, and did not meet the outage. */
    List<StoredOutcome.StoredOrder> cancelledByCrash() {
        return shouldConfirmButCancelled(false);
    }

    List<StoredOutcome.StoredOrder> cancelledDuringOutage() {
        return shouldConfirmButCancelled(true);
    }

    /** A declined or late-answering payment that ended CONFIRMED: the token forbids it. */
    List<String> confirmedAgainstToken() {
        return placements.stream()
                .filter(p -> p.order().kind() == PlannedOrder.Kind.DECLINED || p.order().kind() == PlannedOrder.Kind.TIMEOUT)
                .filter(p -> orders.containsKey(p.order().orderId()) && "CONFIRMED".equals(orders.get(p.order().orderId()).status()))
                .map(p -> p.order().orderId() + " (" + p.order().kind().token + ")").toList();
    }

    private List<StoredOutcome.StoredOrder> shouldConfirmButCancelled(boolean duringOutage) {
        return placements.stream()
                .filter(p -> p.order().kind().shouldConfirm())
                .filter(p -> overlapsOutage(p) == duringOutage)
                .map(p -> orders.get(p.order().orderId()))
                .filter(order -> order != null && "CANCELLED".equals(order.status()))
                .sorted(java.util.Comparator.comparing(StoredOutcome.StoredOrder::orderId))
                .toList();
    }

    // Without a final answer the saga may have run any time after the first POST.
    private boolean overlapsOutage(OrderClient.Placement placement) {
        if (outageStart == null) {
            return false;
        }
        boolean endedBefore = placement.finalAnswer() && placement.answered().isBefore(outageStart);
        return !endedBefore && !placement.firstSent().isAfter(outageEnd);
    }

    private static String outcome(StoredOutcome.StoredOrder order) {
        return order.reason() == null ? order.status() : order.status() + " " + order.reason();
    }
}
