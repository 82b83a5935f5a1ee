package routes.chaos;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import routes.aws.resources.ResourceNames;
import routes.support.StoredState;

/** The properties a chaos run must leave true, each checked against the stored outcome. */
final class Invariants {

    private final OrderPlan plan;
    private final List<OrderClient.Placement> placements;
    private final StoredOutcome stored;
    private final StoredState state;

    Invariants(OrderPlan plan, List<OrderClient.Placement> placements, StoredOutcome stored, StoredState state) {
        this.plan = plan;
        this.placements = placements;
        this.stored = stored;
        this.state = state;
    }

    List<Invariant> check(ResourceNames names, Map<String, List<String>> poisonByQueue,
            Map<String, DeadLetterContents> deadLetters) {
        List<Invariant> results = new ArrayList<>(List.of(everyOrderAccepted(), everyOrderFinal(), stockConserved(),
                ledgerMatchesOutcome(), noOutboxPending(), oneNoticePerOrder(), viewEqualsOrders()));
        poisonByQueue.forEach((queue, ids) ->
                results.add(onlyPoisonDeadLettered(names.deadLetterQueue(queue), ids, deadLetters.get(queue))));
        return results;
    }

    private Invariant everyOrderAccepted() {
        List<String> refused = placements.stream().filter(p -> !p.accepted())
                .map(p -> p.order().orderId() + " answered " + (p.status() == 0 ? "nothing" : p.status()) + ": " + p.body())
                .toList();
        return Invariant.of("every order placed was accepted (2xx), retries included", refused.isEmpty(),
                String.format("placed %d, accepted %d, refused or given up %d", placements.size(),
                        placements.size() - refused.size(), refused.size()), refused);
    }

    private Invariant everyOrderFinal() {
        List<String> problems = new ArrayList<>();
        placements.stream().filter(OrderClient.Placement::accepted).map(p -> p.order().orderId())
                .filter(id -> !stored.orders().containsKey(id)).forEach(id -> problems.add(id + " accepted but not stored"));
        stored.orders().values().stream().filter(o -> !Set.of("CONFIRMED", "CANCELLED").contains(o.status()))
                .forEach(o -> problems.add(o.orderId() + " is " + o.status()));
        Map<String, Long> byStatus = stored.orders().values().stream()
                .collect(Collectors.groupingBy(StoredOutcome.StoredOrder::status, Collectors.counting()));
        return Invariant.of("every accepted order CONFIRMED or CANCELLED", problems.isEmpty(),
                String.format("%d orders stored, by status %s, %d problems", stored.orders().size(), byStatus, problems.size()),
                problems);
    }

    // Confirmed stock stays reserved (nothing ships it), so reserved must equal exactly what confirmed orders hold.
    private Invariant stockConserved() {
        Map<String, Long> confirmed = new HashMap<>();
        stored.orders().values().stream().filter(o -> "CONFIRMED".equals(o.status()))
                .forEach(o -> o.quantities().forEach((sku, q) -> confirmed.merge(sku, (long) q, Long::sum)));
        List<String> lines = new ArrayList<>();
        boolean passed = true;
        for (Map.Entry<String, Long> start : plan.startStock().entrySet()) {
            String sku = start.getKey();
            long sold = confirmed.getOrDefault(sku, 0L);
            StoredState.Stock stock = state.stock(sku);
            boolean ok = stock.available() == start.getValue() - sold && stock.reserved() == sold;
            passed &= ok;
            lines.add(String.format("%s start %d - confirmed %d = %d, available %d, reserved %d (expected %d)%s", sku,
                    start.getValue(), sold, start.getValue() - sold, stock.available(), stock.reserved(), sold,
                    ok ? "" : " WRONG"));
        }
        return new Invariant("stock conserved per SKU (available = start - confirmed; reserved = confirmed)", passed,
                String.join("; ", lines), List.of());
    }

    private Invariant ledgerMatchesOutcome() {
        List<String> wrong = new ArrayList<>();
        BigDecimal heldByConfirmed = BigDecimal.ZERO;
        BigDecimal heldByCancelled = BigDecimal.ZERO;
        for (StoredOutcome.StoredOrder order : stored.orders().values()) {
            StoredState.Money ledger = state.providerLedger(order.orderId());
            BigDecimal held = ledger == null ? BigDecimal.ZERO : ledger.held();
            BigDecimal expected = "CONFIRMED".equals(order.status()) ? order.total() : BigDecimal.ZERO;
            if ("CONFIRMED".equals(order.status())) {
                heldByConfirmed = heldByConfirmed.add(held);
            } else {
                heldByCancelled = heldByCancelled.add(held);
            }
            if (held.compareTo(expected) != 0) {
                wrong.add(String.format("%s %s (%s) total %s: provider holds %s", order.orderId(), order.status(),
                        order.reason(), order.total(), held));
            }
        }
        return Invariant.of("provider ledger (captured - refunded) = total of each confirmed order, 0 for each cancelled",
                wrong.isEmpty(), String.format("held by confirmed orders %s, by cancelled orders %s, %d orders wrong",
                        heldByConfirmed, heldByCancelled, wrong.size()), wrong);
    }

    private Invariant noOutboxPending() {
        return Invariant.of("no outbox item pending", stored.pendingOutbox() == 0,
                stored.pendingOutbox() + " pending", List.of());
    }

    private Invariant oneNoticePerOrder() {
        List<String> wrong = new ArrayList<>();
        for (StoredOutcome.StoredOrder order : stored.orders().values()) {
            List<String> kinds = stored.notices().getOrDefault(order.orderId(), List.of());
            String expected = "CONFIRMED".equals(order.status()) ? "confirmation" : "cancellation";
            if (!kinds.equals(List.of(expected))) {
                wrong.add(order.orderId() + " " + order.status() + ": notices " + kinds);
            }
        }
        stored.notices().keySet().stream().filter(id -> !stored.orders().containsKey(id))
                .forEach(id -> wrong.add(id + ": notice for an order that does not exist"));
        return Invariant.of("exactly one notice per order, of the right kind", wrong.isEmpty(),
                String.format("%d notices for %d orders, %d orders wrong", count(stored.notices().values()),
                        stored.orders().size(), wrong.size()), wrong);
    }

    private Invariant viewEqualsOrders() {
        List<String> wrong = new ArrayList<>();
        for (StoredOutcome.StoredOrder order : stored.orders().values()) {
            StoredOutcome.ViewRow row = stored.view().get(order.orderId());
            if (row == null || !row.status().equals(order.status()) || !row.customerId().equals(order.customerId())) {
                wrong.add(order.orderId() + " " + order.status() + ": view " + (row == null ? "missing" : row.status()));
            }
        }
        stored.view().keySet().stream().filter(id -> !stored.orders().containsKey(id))
                .forEach(id -> wrong.add(id + ": in the view, not in orders"));
        return Invariant.of("order view equals the orders table (status per order)", wrong.isEmpty(),
                String.format("%d view rows for %d orders, %d differ", stored.view().size(), stored.orders().size(),
                        wrong.size()), wrong);
    }

    private static Invariant onlyPoisonDeadLettered(String dlq, List<String> injected, DeadLetterContents found) {
        List<String> sortedFound = found.poisonIds().stream().sorted().toList();
        boolean passed = sortedFound.equals(injected.stream().sorted().toList()) && found.others().isEmpty();
        List<String> examples = new ArrayList<>(found.others());
        return Invariant.of(dlq + " holds exactly the injected poison", passed,
                String.format("injected %d %s, found %d poison %s and %d other messages", injected.size(), injected,
                        sortedFound.size(), sortedFound, found.others().size()), examples);
    }

    private static int count(Collection<List<String>> lists) {
        return lists.stream().mapToInt(List::size).sum();
    }
}
