package routes.timeline;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One exceptional thing that happened to an order which no business row records: a step's retry, a
 * consumer's duplicate, stale skip, deferral or dead letter. The saga explorer merges these into the
 * order's timeline.
 *
 * @param kind   the timeline kind: {@link #RETRY}, {@link #EVENT_CONSUMED} or {@link #DEAD_LETTER}
 * @param name   what it happened to: the step (route id) or the event type
 * @param detail machine-readable facts (consumer, eventId, attempt, error, outcome, reason): strings or numbers
 */
public record TimelineEntry(String orderId, Instant at, String kind, String name, Map<String, Object> detail) {

    public static final String RETRY = "retry";
    public static final String EVENT_CONSUMED = "event-consumed";
    public static final String DEAD_LETTER = "dead-letter";

    /** Outcomes of {@link #EVENT_CONSUMED} entries. */
    public static final String DUPLICATE_DROPPED = "duplicate dropped";
    public static final String SKIPPED_AS_STALE = "skipped as stale";
    public static final String DEFERRED = "deferred";

    public TimelineEntry {
        detail = detail == null ? Map.of() : Collections.unmodifiableMap(withoutNulls(detail));
    }

    /** A step (or compensation) retried after a transient failure; attempt 1 is the first retry. */
    public static TimelineEntry retry(String orderId, Instant at, String step, int attempt, String error) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("attempt", attempt);
        detail.put("error", error);
        return new TimelineEntry(orderId, at, RETRY, step, detail);
    }

    /** A consumer's inbox outcome other than applied. */
    public static TimelineEntry consumed(String orderId, Instant at, String consumer, String eventId, String eventType,
            String outcome) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("consumer", consumer);
        detail.put("eventId", eventId);
        detail.put("outcome", outcome);
        return new TimelineEntry(orderId, at, EVENT_CONSUMED, eventType, detail);
    }

    /** A message a consumer gave up on; the event id and type are null when the message could not be read. */
    public static TimelineEntry deadLetter(String orderId, Instant at, String consumer, String eventId, String eventType,
            String reason) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("consumer", consumer);
        detail.put("eventId", eventId);
        detail.put("reason", reason);
        return new TimelineEntry(orderId, at, DEAD_LETTER, eventType == null ? "message" : eventType, detail);
    }

    public String text(String field) {
        Object value = detail.get(field);
        return value == null ? null : value.toString();
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> detail) {
        Map<String, Object> present = new LinkedHashMap<>(detail);
        present.values().removeIf(Objects::isNull);
        return present;
    }
}
