package routes.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** A CloudEvent received from a consumer's queue, validated: what the consumers act on. */
public record InboundEvent(
        String id,
        String source,
        String type,
        String subject,
        Instant time,
        String correlationId,
        String causationId,
        String aggregateType,
        long aggregateVersion,
        JsonNode data) {

    /** The order the event is about (every event of the flow names it in its data). */
    public String orderId() {
        return data.get("orderId").asText();
    }

    public String customerId() {
        return data.get("customerId").asText();
    }
}
