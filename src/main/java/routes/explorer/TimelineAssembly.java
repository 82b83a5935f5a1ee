package routes.explorer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import routes.ordersaga.SagaStep;
import routes.saga.StepRecord;
import routes.timeline.TimelineEntry;

/**
 * Builds a saga's timeline from what is stored about it, oldest first: the row's step history, the
 * journal's retries and consumer outcomes, the outbox's events with their relay lag, each consumer's
 * inbox row of each event it reads (applied, unless the journal says it skipped it as stale), and
 * the notices. Entries of the same instant keep that order.
 */
final class TimelineAssembly {

    private static final Set<String> COMPENSATIONS =
            SagaStep.compensations().stream().map(SagaStep::id).collect(Collectors.toSet());

    private TimelineAssembly() {}

    static SagaTimeline timeline(SagaHistory history) {
        List<TimelineItem> items = new ArrayList<>();
        steps(history, items);
        history.journal().stream().filter(entry -> TimelineEntry.RETRY.equals(entry.kind()))
                .forEach(entry -> items.add(item(entry)));
        events(history, items);
        consumed(history, items);
        history.journal().stream().filter(entry -> !TimelineEntry.RETRY.equals(entry.kind()))
                .forEach(entry -> items.add(item(entry)));
        history.notices().forEach(notice -> items.add(new TimelineItem(notice.sentAt(), TimelineItem.NOTICE,
                notice.kind(), detail("text", notice.text(), "eventId", notice.eventId()))));
        items.sort(Comparator.comparing(TimelineItem::at));
        SagaRow row = history.row();
        return new SagaTimeline(row.orderId(), row.status(), row.reason(), List.copyOf(items));
    }

    private static void steps(SagaHistory history, List<TimelineItem> items) {
        for (StepRecord step : history.row().steps()) {
            boolean failure = SagaStep.FAILURE.id().equals(step.step());
            items.add(new TimelineItem(step.at(), COMPENSATIONS.contains(step.step()) ? TimelineItem.COMPENSATION
                    : TimelineItem.STEP, step.step(),
                    detail("status", step.status(), "reason", failure ? history.row().reason() : null)));
        }
    }

    private static void events(SagaHistory history, List<TimelineItem> items) {
        for (SagaHistory.OutboxRecord event : history.events()) {
            Map<String, Object> detail = detail("eventId", event.eventId(), "published", event.publishedAt() != null);
            if (event.publishedAt() != null) {
                detail.put("relayLagMs", Math.max(0, Duration.between(event.occurredAt(), event.publishedAt()).toMillis()));
            }
            // Placed when SNS took it; a pending event shows where it was committed, waiting for the relay.
            Instant at = event.publishedAt() != null ? event.publishedAt() : event.occurredAt();
            items.add(new TimelineItem(at, TimelineItem.EVENT_PUBLISHED, event.type(), detail));
        }
    }

    private static void consumed(SagaHistory history, List<TimelineItem> items) {
        Set<String> skippedAsStale = history.journal().stream()
                .filter(entry -> TimelineEntry.SKIPPED_AS_STALE.equals(entry.text("outcome")))
                .map(entry -> SagaHistory.inboxKey(entry.text("consumer"), entry.text("eventId")))
                .collect(Collectors.toSet());
        for (SagaHistory.OutboxRecord event : history.events()) {
            history.consumers().forEach((consumer, types) -> {
                if (!types.contains(event.type())) {
                    return;
                }
                String key = SagaHistory.inboxKey(consumer, event.eventId());
                SagaHistory.InboxRecord inbox = history.inbox().get(key);
                if (inbox != null && inbox.completedAt() != null && !skippedAsStale.contains(key)) {
                    items.add(new TimelineItem(inbox.completedAt(), TimelineEntry.EVENT_CONSUMED, event.type(),
                            detail("consumer", consumer, "eventId", event.eventId(), "outcome", TimelineItem.APPLIED)));
                }
            });
        }
    }

    private static TimelineItem item(TimelineEntry entry) {
        return new TimelineItem(entry.at(), entry.kind(), entry.name(), new LinkedHashMap<>(entry.detail()));
    }

    /** Fields in the order given, those whose value is null left out. */
    private static Map<String, Object> detail(Object... fieldsAndValues) {
        Map<String, Object> detail = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            if (fieldsAndValues[i + 1] != null) {
                detail.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
            }
        }
        return detail;
    }
}
