package routes.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.apache.camel.Exchange;

/**
 * Which order, event and type a consumer's message is about, as far as it can be read: from the
 * parsed event, or else from the CloudEvent JSON (its data's order id, else its subject). What the
 * saga explorer's journal needs to attach a consumer's outcome to an order.
 */
record EventReference(String orderId, String eventId, String type) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static EventReference of(InboundEvent event) {
        return new EventReference(text(event.data(), "orderId"), event.id(), event.type());
    }

    /** Empty when the message names no order (not JSON, or neither data.orderId nor subject). */
    static Optional<EventReference> of(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        if (body instanceof InboundEvent event) {
            return Optional.of(of(event)).filter(reference -> reference.orderId() != null);
        }
        String text = exchange.getMessage().getBody(String.class);
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode event = JSON.readTree(text);
            String orderId = text(event.path("data"), "orderId");
            if (orderId == null) {
                orderId = text(event, "subject");
            }
            return orderId == null ? Optional.empty()
                    : Optional.of(new EventReference(orderId, text(event, "id"), text(event, "type")));
        } catch (Exception notJson) {
            return Optional.empty();
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }
}
