package routes.explorer;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import routes.timeline.TimelineEntry;

/**
 * Everything stored about one saga, as read: its order row, its outbox events, its consumers' inbox
 * rows, its notices and its journal. {@link TimelineAssembly} turns it into the timeline.
 *
 * @param consumers each declared consumer's name and the event types it applies
 * @param inbox     inbox rows by inbox key ({@code <consumer>#<eventId>})
 */
record SagaHistory(SagaRow row, List<OutboxRecord> events, Map<String, Set<String>> consumers,
        Map<String, InboxRecord> inbox, List<NoticeRecord> notices, List<TimelineEntry> journal) {

    /** An outbox item; {@code publishedAt} is null while the relay has not published it. */
    record OutboxRecord(String eventId, String type, Instant occurredAt, Instant publishedAt) {}

    /** An inbox row: IN_PROGRESS while a delivery holds it, COMPLETED (with its time) once applied. */
    record InboxRecord(String status, Instant completedAt) {}

    record NoticeRecord(String kind, String text, String eventId, Instant sentAt) {}

    static String inboxKey(String consumer, String eventId) {
        return consumer + "#" + eventId;
    }
}
