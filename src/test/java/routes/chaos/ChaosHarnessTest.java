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

    private static OrderClient.Placement placed(String id, PlannedOrder.Kind kind, Instant sent, Instant answered, int status) {
        String body = status == 200 ? "{\"orderId\":\"" + id + "\",\"status\":\"CANCELLED\"}" : "{\"orderId\":\"" + id + "\",\"status\":\"PENDING\"}";
        return new OrderClient.Placement(new PlannedOrder(id, "customer-1", "CHAOS-A", 1, kind), sent, answered, status, body, 1);
    }

    private static StoredOutcome.StoredOrder stored(String id, String status, String reason) {
        return new StoredOutcome.StoredOrder(id, "customer-1", status, reason, BigDecimal.TEN, Map.of("CHAOS-A", 1));
    }
}
