package routes.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/**
 * Reads a queue message as a CloudEvent of a type the consumer supports, or refuses it with the
 * reason that goes with it to the dead-letter queue.
 */
public final class InboundEvents {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> REQUIRED = List.of("specversion", "id", "source", "type");

    private final Set<String> supportedTypes;

    public InboundEvents(Set<String> supportedTypes) {
        this.supportedTypes = supportedTypes;
    }

    public InboundEvent parse(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidEventException("empty message");
        }
        JsonNode event;
        try {
            event = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("not JSON: " + e.getOriginalMessage());
        }
        if (event == null || !event.isObject()) {
            throw new InvalidEventException("not a CloudEvent: not a JSON object");
        }
        for (String attribute : REQUIRED) {
            if (!event.path(attribute).isTextual() || event.path(attribute).asText().isBlank()) {
                throw new InvalidEventException("not a CloudEvent: missing " + attribute);
            }
        }
        if (!"1.0".equals(event.get("specversion").asText())) {
            throw new InvalidEventException("unsupported CloudEvents specversion " + event.get("specversion").asText());
        }
        String type = event.get("type").asText();
        if (!supportedTypes.contains(type)) {
            throw new InvalidEventException("unsupported event type " + type);
        }
        return new InboundEvent(event.get("id").asText(), event.get("source").asText(), type,
                text(event, "subject"), time(event), required(event, "correlationid"), text(event, "causationid"),
                required(event, "aggregatetype"), version(event), data(event));
    }

    private static JsonNode data(JsonNode event) {
        JsonNode data = event.path("data");
        if (!data.isObject()) {
            throw new InvalidEventException("data fails validation: not a JSON object");
        }
        for (String field : List.of("orderId", "customerId")) {
            if (!data.path(field).isTextual() || data.path(field).asText().isBlank()) {
                throw new InvalidEventException("data fails validation: missing " + field);
            }
        }
        return data;
    }

    private static long version(JsonNode event) {
        JsonNode version = event.path("aggregateversion");
        try {
            long value = version.isNumber() ? version.asLong() : Long.parseLong(version.asText());
            if (value >= 1) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new InvalidEventException("not a valid event: aggregateversion must be a positive integer");
    }

    private static Instant time(JsonNode event) {
        String time = text(event, "time");
        try {
            return time == null ? null : OffsetDateTime.parse(time).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidEventException("not a valid CloudEvent: time is not RFC 3339");
        }
    }

    private static String required(JsonNode event, String attribute) {
        String value = text(event, attribute);
        if (value == null || value.isBlank()) {
            throw new InvalidEventException("not a valid event: missing " + attribute);
        }
        return value;
    }

    private static String text(JsonNode event, String attribute) {
        JsonNode value = event.get(attribute);
        return value == null || value.isNull() ? null : value.asText();
    }
}
