package routes.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The chaos driver's own rules, without an application: the order mix, where faults go, what counts as a crash cancellation. */
class ChaosHarnessTest {

    private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

    @Test
    void theMixFollowsTheIssueAndEveryStockedSkuCoversAllItsOrders() {
        OrderPlan plan = OrderPlan.of(2000, new Random(1));

        Map<PlannedOrder.Kind, Long> kinds = plan.orders().stream()
                .collect(Collectors.groupingBy(PlannedOrder::kind, Collectors.counting()));
        assertThat(kinds.get(PlannedOrder.Kind.OK)).isBetween(1300L, 1500L);
        assertThat(kinds.get(PlannedOrder.Kind.DECLINED)).isBetween(240L, 360L);
        List.of(PlannedOrder.Kind.FLAKY, PlannedOrder.Kind.TIMEOUT, PlannedOrder.Kind.LOW_STOCK)
                .forEach(kind -> assertThat(kinds.get(kind)).as(kind.name()).isBetween(60L, 140L));
        Map<String, Long> demand = new HashMap<>();
        plan.orders().forEach(o -> demand.merge(o.sku(), (long) o.quantity(), Long::sum));
        demand.forEach((sku, wanted) -> {
            if (sku.equals(OrderPlan.LOW_STOCK_SKU)) {
                assertThat(plan.startStock().get(sku)).isLessThan(wanted / 2);
            } else {
                assertThat(plan.startStock().get(sku)).isGreaterThanOrEqualTo(wanted);
            }
        });
        assertThat(plan.orders()).allSatisfy(o -> assertThat(o.kind() == PlannedOrder.Kind.LOW_STOCK)
                .isEqualTo(o.sku().equals(OrderPlan.LOW_STOCK_SKU)));
    }

    @Test
    void theOutageGoesInTheWidestGapBetweenKills() {
        for (long seed = 0; seed < 50; seed++) {
            var faults = ChaosSchedule.plan(5, new Random(seed));
            assertThat(faults).hasSize(6);
            int outage = faults.indexOf(faults.stream().filter(f -> !f.kill()).findFirst().orElseThrow());
            double before = outage == 0 ? 0.05 : faults.get(outage - 1).progress();
            double after = outage == faults.size() - 1 ? 0.95 : faults.get(outage + 1).progress();
            assertThat(faults.get(outage).progress()).isEqualTo(before + (after - before) / 2, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(faults).filteredOn(f -> f.kill()).allSatisfy(f -> assertThat(f.progress()).isBetween(0.1, 0.9));
            List<Double> kills = new java.util.ArrayList<>(List.of(0.05, 0.95));
            faults.stream().filter(f -> f.kill()).forEach(f -> kills.add(f.progress()));
            kills.sort(null);
            double widest = 0;
            for (int i = 0; i + 1 < kills.size(); i++) {
                widest = Math.max(widest, kills.get(i + 1) - kills.get(i));
            }
            assertThat(after - before).isEqualTo(widest, org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    @Test
    void onlyCancelledOrdersThatShouldHaveConfirmedAndMissedTheOutageCountAsCrashCancellations() {
        Instant outageStart = T0.plusSeconds(100);
        Instant outageEnd = T0.plusSeconds(112);
        List<OrderClient.Placement> placements = List.of(
                placed("crashed", PlannedOrder.Kind.OK, T0, T0.plusSeconds(1), 200),
                placed("in-outage", PlannedOrder.Kind.OK, T0.plusSeconds(105), T0.plusSeconds(110), 200),
                placed("no-answer-before-outage", PlannedOrder.Kind.FLAKY, T0.plusSeconds(90), T0.plusSeconds(120), 202),
                placed("declined", PlannedOrder.Kind.DECLINED, T0, T0.plusSeconds(1), 200),
                placed("confirmed", PlannedOrder.Kind.OK, T0, T0.plusSeconds(1), 200),
                placed("after-outage", PlannedOrder.Kind.FLAKY, T0.plusSeconds(113), T0.plusSeconds(114), 200),
                // A retried POST answered 200 with the order still PENDING: its saga went on after the answer.
                new OrderClient.Placement(new PlannedOrder("retried-pending", "customer-1", "CHAOS-A", 1, PlannedOrder.Kind.OK),
                        T0.plusSeconds(80), T0.plusSeconds(90), 200, "{\"orderId\":\"retried-pending\",\"status\":\"PENDING\"}", 2));
        Map<String, StoredOutcome.StoredOrder> orders = new HashMap<>();
        for (String id : List.of("crashed", "in-outage", "no-answer-before-outage", "declined", "after-outage", "retried-pending")) {
            orders.put(id, stored(id, "CANCELLED", "TIMEOUT"));
        }
        orders.put("confirmed", stored("confirmed", "CONFIRMED", null));
        ChaosFigures figures = new ChaosFigures(new StoredOutcome(orders, Map.of(), Map.of(), 0, Optional.empty()),
                placements, outageStart, outageEnd);

        assertThat(figures.cancelledByCrash()).extracting(StoredOutcome.StoredOrder::orderId)
                .containsExactly("after-outage", "crashed");
        assertThat(figures.cancelledDuringOutage()).extracting(StoredOutcome.StoredOrder::orderId)
                .containsExactlyInAnyOrder("in-outage", "no-answer-before-outage", "retried-pending");
    }

    @Test
    void settingsTakeThePositionalArgumentsAndRefuseUnknownOptions() {
        ChaosSettings settings = ChaosSettings.parse("200", "8", "2", "--seed=9", "--jar=app.jar", "--port-base=18340",
                "--max-crash-cancellations=3");

        assertThat(settings.orders()).isEqualTo(200);
        assertThat(settings.concurrency()).isEqualTo(8);
        assertThat(settings.kills()).isEqualTo(2);
        assertThat(settings.maxCrashCancellations()).isEqualTo(3);
        assertThat(settings.outage()).isGreaterThan(Duration.ofSeconds(5));
        assertThat(List.of(settings.httpPort(), settings.dynamoDbPort(), settings.sqsPort(), settings.snsPort()))
                .containsExactly(18340, 18341, 18342, 18343);
        assertThatThrownBy(() -> ChaosSettings.parse("--kill-everything=yes", "--jar=app.jar"))
                .hasMessageContaining("unknown option");
    }

    @Test
    void lraModePutsTheCoordinatorOnPortBasePlusTenAndOnlyItsCoordinatorCanBeKilled() {
        ChaosSettings settings = ChaosSettings.parse("100", "8", "1", "--jar=app.jar", "--port-base=19200",
                "--saga-mode=lra", "--coordinator-kills=1");

        assertThat(settings.lra()).isTrue();
        assertThat(settings.coordinatorKills()).isEqualTo(1);
        assertThat(settings.coordinatorPort()).isEqualTo(19210);
        assertThat(ChaosSettings.parse("--jar=app.jar").lra()).isFalse();
        assertThatThrownBy(() -> ChaosSettings.parse("--jar=app.jar", "--coordinator-kills=1"))
                .hasMessageContaining("--saga-mode=lra");
        assertThatThrownBy(() -> ChaosSettings.parse("--jar=app.jar", "--saga-mode=remote"))
                .hasMessageContaining("in-memory or lra");
    }

    @Test
    void coordinatorKillsArePlannedBesideTheApplicationKillsAndTheOutageStaysInTheWidestGap() {
        for (long seed = 0; seed < 50; seed++) {
            var faults = ChaosSchedule.plan(2, 1, new Random(seed));

            assertThat(faults).extracting(ChaosSchedule.Fault::kind).containsExactlyInAnyOrder(ChaosSchedule.Kind.KILL,
                    ChaosSchedule.Kind.KILL, ChaosSchedule.Kind.COORDINATOR_KILL, ChaosSchedule.Kind.OUTAGE);
            assertThat(faults).extracting(ChaosSchedule.Fault::progress).isSorted();
            int outage = faults.indexOf(faults.stream().filter(f -> f.kind() == ChaosSchedule.Kind.OUTAGE).findFirst().orElseThrow());
            double before = outage == 0 ? 0.05 : faults.get(outage - 1).progress();
            double after = outage == faults.size() - 1 ? 0.95 : faults.get(outage + 1).progress();
            for (int i = 0; i + 1 < faults.size(); i++) {
                if (i != outage && i + 1 != outage) {
                    assertThat(faults.get(i + 1).progress() - faults.get(i).progress()).isLessThanOrEqualTo(after - before);
                }
            }
        }
        // The same seed without coordinator kills plans the in-memory run's faults as before.
        assertThat(ChaosSchedule.plan(2, 0, new Random(9))).isEqualTo(ChaosSchedule.plan(2, new Random(9)));
    }

    @Test
    void inLraModeOnlyOrdersInFlightAtAnApplicationKillOrACoordinatorOutageMayBeCancelledByACrash() {
        Instant applicationKill = T0.plusSeconds(50);
        Instant coordinatorKill = T0.plusSeconds(200);
        List<ChaosSchedule.Downtime> applicationDowntimes = List.of(new ChaosSchedule.Downtime(applicationKill, applicationKill.plusSeconds(20)));
        List<ChaosSchedule.Downtime> coordinatorDowntimes = List.of(new ChaosSchedule.Downtime(coordinatorKill, coordinatorKill.plusSeconds(10)));
        List<OrderClient.Placement> placements = List.of(
                placed("running-at-kill", PlannedOrder.Kind.OK, T0.plusSeconds(49), T0.plusSeconds(80), 200),
                placed("waiting-at-coordinator-kill", PlannedOrder.Kind.OK, T0.plusSeconds(195), T0.plusSeconds(230), 200),
                placed("sent-while-coordinator-down", PlannedOrder.Kind.FLAKY, T0.plusSeconds(205), T0.plusSeconds(240), 200),
                placed("ended-before-kill", PlannedOrder.Kind.OK, T0.plusSeconds(40), T0.plusSeconds(45), 200),
                // Sent while the application was down: its saga began after the restart, so no kill explains it.
                placed("sent-while-restarting", PlannedOrder.Kind.OK, T0.plusSeconds(55), T0.plusSeconds(75), 200));
        List<StoredOutcome.StoredOrder> cancelled = placements.stream()
                .map(p -> stored(p.order().orderId(), "CANCELLED", "TIMEOUT")).toList();

        Invariant strict = CrashCancellations.explainedByKills(cancelled, placements, applicationDowntimes, coordinatorDowntimes, 0);
        Invariant lenient = CrashCancellations.explainedByKills(cancelled, placements, applicationDowntimes, coordinatorDowntimes, 2);

        assertThat(strict.passed()).isFalse();
        assertThat(strict.numbers()).contains("5 cancelled by a crash, 3 of them in flight at a kill, 2 not");
        assertThat(strict.examples()).hasSize(2).anySatisfy(e -> assertThat(e).startsWith("ended-before-kill"))
                .anySatisfy(e -> assertThat(e).startsWith("sent-while-restarting"));
        assertThat(lenient.passed()).isTrue();
    }

    private static OrderClient.Placement placed(String id, PlannedOrder.Kind kind, Instant sent, Instant answered, int status) {
        String body = status == 200 ? "{\"orderId\":\"" + id + "\",\"status\":\"CANCELLED\"}" : "{\"orderId\":\"" + id + "\",\"status\":\"PENDING\"}";
        return new OrderClient.Placement(new PlannedOrder(id, "customer-1", "CHAOS-A", 1, kind), sent, answered, status, body, 1);
    }

    private static StoredOutcome.StoredOrder stored(String id, String status, String reason) {
        return new StoredOutcome.StoredOrder(id, "customer-1", status, reason, BigDecimal.TEN, Map.of("CHAOS-A", 1));
    }
}
