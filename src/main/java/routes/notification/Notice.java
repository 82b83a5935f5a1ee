package routes.notification;

import routes.inbox.InboundEvent;
import routes.inbox.InvalidEventException;
import routes.order.OrderEvents;

/** The notice an order event calls for: its kind and its text. */
record Notice(String kind, String text) {

    static final String CONFIRMATION = "confirmation";
    static final String CANCELLATION = "cancellation";

    static Notice of(InboundEvent event) {
        return switch (event.type()) {
            case OrderEvents.CONFIRMED -> new Notice(CONFIRMATION, "Your order " + event.orderId() + " is confirmed. Total: "
                    + event.data().path("total").asText("?") + ".");
            case OrderEvents.CANCELLED -> new Notice(CANCELLATION, "Your order " + event.orderId()
                    + " was cancelled (" + event.data().path("reason").asText("no reason given") + ").");
            default -> throw new InvalidEventException("no notice for event type " + event.type());
        };
    }
}
