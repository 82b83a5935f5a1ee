package routes.notification;

import routes.inbox.InboundEvent;
import routes.inbox.InvalidEventException;
import routes.order.OrderEvents;

/** The notice an order event calls for: its kind and its text. */
record Notice(String kind, String text) {

    static final String CONFIRMATION = "confirmation";
    static final String CANCELLATION = "cancellation";

    /** The wording when the route gives none; the YAML route gives its own (notification-send.camel.yaml). */
    static final String CONFIRMATION_TEXT = "Your order {orderId} is confirmed. Total: {total}.";
    static final String CANCELLATION_TEXT = "Your order {orderId} was cancelled ({reason}).";

    static Notice of(InboundEvent event) {
        return of(event, CONFIRMATION_TEXT, CANCELLATION_TEXT);
    }

    /** The notice in the given wording, its {orderId}, {customerId}, {total} and {reason} filled in from the event. */
    static Notice of(InboundEvent event, String confirmationText, String cancellationText) {
        return switch (event.type()) {
            case OrderEvents.CONFIRMED -> new Notice(CONFIRMATION, fill(confirmationText, event));
            case OrderEvents.CANCELLED -> new Notice(CANCELLATION, fill(cancellationText, event));
            default -> throw new InvalidEventException("no notice for event type " + event.type());
        };
    }

    private static String fill(String text, InboundEvent event) {
        return text.replace("{orderId}", event.orderId())
                .replace("{customerId}", event.customerId())
                .replace("{total}", event.data().path("total").asText("?"))
                .replace("{reason}", event.data().path("reason").asText("no reason given"));
    }
}
