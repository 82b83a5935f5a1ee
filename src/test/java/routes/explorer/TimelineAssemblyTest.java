package routes.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import routes.saga.StepRecord;
import routes.timeline.TimelineEntry;

/** The timeline as a pure function of what is stored: no DynamoDB. */
class TimelineAssemblyTest {

    static final Instant T0 = Instant.parse("2026-11-30T12:00:00Z");
    static final Map<String, Set<String>> CONSUMERS = Map.of(
            "notification", Set.of("order.confirmed", "order.cancelled"),
            "order-view", Set.of("order.created", "order.confirmed", "order.cancelled"));

    static Instant at(long millis) {
        return T0.plusMillis(millis);
    }

    @Test
    void stepsRetriesEventsConsumptionAndNoticesInterleaveOldestFirst() {
        SagaRow row = new SagaRow("o-1", "CONFIRMED", null, at(0), at(900), List.of(
                new StepRecord("order-create", "DONE", at(0)),
                new StepRecord("payment-capture", "DONE", at(500)),
                new StepRecord("order-confirm", "DONE", at(600))), Set.of(), Set.of());
        SagaHistory history = new SagaHistory(row,
                List.of(new SagaHistory.OutboxRecord("e1", "order.created", at(0), at(40)),
                        new SagaHistory.OutboxRecord("e2", "order.confirmed", at(600), null)),
                CONSUMERS,
                Map.of("order-view#e1", new SagaHistory.InboxRecord("COMPLETED", at(100)),
                        "notification#e2", new SagaHistory.InboxRecord("IN_PROGRESS", null)),
                List.of(new SagaHistory.NoticeRecord("confirmation", "Your order o-1 is confirmed.", "e2", at(900))),
                List.of(TimelineEntry.retry("o-1", at(300), "payment-capture", 1, "Provider unavailable")));

        SagaTimeline timeline = TimelineAssembly.timeline(history);

        assertThat(timeline.orderId()).isEqualTo("o-1");
        assertThat(timeline.status()).isEqualTo("CONFIRMED");
        assertThat(timeline.timeline()).extracting(item -> item.kind() + " " + item.name()).containsExactly(
                "step order-create",
                "event-published order.created",
                "event-consumed order.created",
                "retry payment-capture",
                "step payment-capture",
                "step order-confirm",
                "event-published order.confirmed",
                "notice confirmation");
        assertThat(timeline.timeline().get(1).detail())
                .containsExactlyInAnyOrderEntriesOf(Map.of("eventId", "e1", "published", true, "relayLagMs", 40L));
        // A published event stands where SNS took it, a pending one where it was committed.
        assertThat(timeline.timeline().get(1).at()).isEqualTo(at(40));
        assertThat(timeline.timeline().get(6).at()).isEqualTo(at(600));
        assertThat(timeline.timeline().get(2).detail())
                .containsExactlyInAnyOrderEntriesOf(Map.of("consumer", "order-view", "eventId", "e1", "outcome", "applied"));
        assertThat(timeline.timeline().get(3).detail())
                .containsExactlyInAnyOrderEntriesOf(Map.of("attempt", 1, "error", "Provider unavailable"));
        // Not published yet: shown as such, without a lag; its consumer's claim in progress is not an outcome.
        assertThat(timeline.timeline().get(6).detail()).containsExactlyInAnyOrderEntriesOf(Map.of("eventId", "e2", "published", false));
    }

    @Test
    void compensationsTheFailureAndItsReasonAreTold() {
        SagaRow row = new SagaRow("o-2", "CANCELLED", "PAYMENT_DECLINED", at(0), at(400), List.of(
                new StepRecord("order-create", "DONE", at(0)),
                new StepRecord("failure", "FAILED", at(100)),
                new StepRecord("payment-refund", "REFUND_STARTED", at(200)),
                new StepRecord("inventory-release", "COMPENSATED", at(300)),
                new StepRecord("order-cancel", "COMPENSATED", at(400))), Set.of(), Set.of());

        SagaTimeline timeline = TimelineAssembly.timeline(new SagaHistory(row, List.of(), CONSUMERS, Map.of(), List.of(), List.of()));

        assertThat(timeline.reason()).isEqualTo("PAYMENT_DECLINED");
        assertThat(timeline.timeline()).extracting(item -> item.kind() + " " + item.name()).containsExactly(
                "step order-create", "step failure", "compensation payment-refund", "compensation inventory-release",
                "compensation order-cancel");
        assertThat(timeline.timeline().get(1).detail())
                .containsExactlyInAnyOrderEntriesOf(Map.of("status", "FAILED", "reason", "PAYMENT_DECLINED"));
        assertThat(timeline.timeline().get(2).detail()).containsExactlyInAnyOrderEntriesOf(Map.of("status", "REFUND_STARTED"));
    }

    @Test
    void aStaleSkipReplacesAppliedAndJournaledOutcomesAndDeadLettersAreShown() {
        SagaRow row = new SagaRow("o-3", "CANCELLED", "TIMEOUT", at(0), at(0), List.of(), Set.of(), Set.of());
        SagaHistory history = new SagaHistory(row,
                List.of(new SagaHistory.OutboxRecord("e1", "order.created", at(0), at(10)),
                        new SagaHistory.OutboxRecord("e2", "order.cancelled", at(20), at(30))),
                CONSUMERS,
                Map.of("order-view#e1", new SagaHistory.InboxRecord("COMPLETED", at(200)),
                        "order-view#e2", new SagaHistory.InboxRecord("COMPLETED", at(100)),
                        "notification#e2", new SagaHistory.InboxRecord("COMPLETED", at(110))),
                List.of(),
                List.of(TimelineEntry.consumed("o-3", at(200), "order-view", "e1", "order.created", TimelineEntry.SKIPPED_AS_STALE),
                        TimelineEntry.consumed("o-3", at(300), "notification", "e2", "order.cancelled", TimelineEntry.DUPLICATE_DROPPED),
                        TimelineEntry.consumed("o-3", at(50), "order-view", "e2", "order.cancelled", TimelineEntry.DEFERRED),
                        TimelineEntry.deadLetter("o-3", at(400), "notification", null, null, "not JSON")));

        List<TimelineItem> consumed = TimelineAssembly.timeline(history).timeline().stream()
                .filter(item -> !item.kind().equals("event-published")).toList();

        assertThat(consumed).extracting(item -> item.at().toEpochMilli() - T0.toEpochMilli() + " " + item.kind() + " "
                + item.detail().get("consumer") + " " + item.detail().get("outcome")).containsExactly(
                "50 event-consumed order-view deferred",
                "100 event-consumed order-view applied",
                "110 event-consumed notification applied",
                "200 event-consumed order-view skipped as stale",
                "300 event-consumed notification duplicate dropped",
                "400 dead-letter notification null");
        assertThat(consumed.get(5).name()).isEqualTo("message");
        assertThat(consumed.get(5).detail()).containsExactlyInAnyOrderEntriesOf(Map.of("consumer", "notification", "reason", "not JSON"));
    }
}
