package routes.outbox;

import java.time.Instant;

/**
 * An integration event as it waits in the outbox table, holding everything the relay needs to
 * publish it as a CloudEvent without another read. The id is generated once, when the event is
 * decided, so every re-publish carries the same id.
 *
 * @param aggregateVersion the aggregate's version after the change this event reports
 * @param causationId      id of the event that caused this one, or null for the first
 * @param data             the event's payload as a JSON object
 * @param traceparent      W3C trace context of the request behind the event, or null (see {@link TraceContext})
 */
public record OutboxEvent(
        String eventId,
        String type,
        String aggregateType,
        String aggregateId,
        long aggregateVersion,
        String correlationId,
        String causationId,
        Instant occurredAt,
        String data,
        String traceparent) {

    /** An event no trace context came with. */
    public OutboxEvent(String eventId, String type, String aggregateType, String aggregateId, long aggregateVersion,
            String correlationId, String causationId, Instant occurredAt, String data) {
        this(eventId, type, aggregateType, aggregateId, aggregateVersion, correlationId, causationId, occurredAt, data,
                null);
    }

    /** Partition key of the outbox table: one partition per aggregate keeps its events in commit order. */
    public String aggregateKey() {
        return aggregateType + "#" + aggregateId;
    }
}
