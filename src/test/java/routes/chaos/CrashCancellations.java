package routes.chaos;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Which crash cancellations an lra-mode run accepts. In lra mode the coordinator, not the recovery
 * route, owns a saga whose instance was killed (recovery leaves coordinator-held sagas alone), and it
 * cancels that saga at its timeout: so an order in flight at an application kill, or while the
 * coordinator itself was down, may end CANCELLED, and only such orders may. Any other crash
 * cancellation counts against {@code --max-crash-cancellations}, as in in-memory mode. That the
 * accepted ones ended consistent (stock back, nothing held by the provider, one cancellation notice)
 * is what the stock, ledger and notice invariants check for every order.
 */
final class CrashCancellations {

    private CrashCancellations() {}

    static Invariant explainedByKills(List<StoredOutcome.StoredOrder> crashCancelled, List<OrderClient.Placement> placements,
            List<ChaosSchedule.Downtime> applicationDowntimes, List<ChaosSchedule.Downtime> coordinatorDowntimes,
            int allowedOthers) {
        Map<String, OrderClient.Placement> byId = placements.stream()
                .collect(Collectors.toMap(p -> p.order().orderId(), Function.identity()));
        // Killed at an instant: a saga the application was running then; the coordinator: until it answered again.
        List<ChaosSchedule.Downtime> windows = new ArrayList<>(applicationDowntimes.stream()
                .map(down -> new ChaosSchedule.Downtime(down.from(), down.from())).toList());
        windows.addAll(coordinatorDowntimes);
        List<String> unexplained = crashCancelled.stream().map(StoredOutcome.StoredOrder::orderId)
                .filter(id -> windows.stream().noneMatch(window -> inFlight(byId.get(id), window.from(), window.to())))
                .toList();
        return Invariant.of("every order cancelled by a crash was in flight at an application kill or a coordinator"
                        + " outage (lra: the coordinator cancels those at their timeout)", unexplained.size() <= allowedOthers,
                String.format("%d cancelled by a crash, %d of them in flight at a kill, %d not (at most %d allowed)",
                        crashCancelled.size(), crashCancelled.size() - unexplained.size(), unexplained.size(), allowedOthers),
                unexplained.stream().map(id -> id + " " + byId.get(id)).toList());
    }

    /** The saga may have run between from and to: sent by then, and no final answer before. */
    static boolean inFlight(OrderClient.Placement placement, Instant from, Instant to) {
        boolean endedBefore = placement.finalAnswer() && placement.answered().isBefore(from);
        return !endedBefore && !placement.firstSent().isAfter(to);
    }
}
