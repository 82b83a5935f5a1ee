package routes.orderview;

import org.apache.camel.Body;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import routes.inbox.DeferredEventException;
import routes.inbox.InboundEvent;
import routes.inbox.InboxMetrics;

/** Merges an order event into the customer's order view, per {@link ViewDecisions}; re-reads when another writer was first. */
@Component
public class OrderViewProjection {

    private static final Logger log = LoggerFactory.getLogger(OrderViewProjection.class);
    private static final int MAX_ATTEMPTS = 5;

    private final OrderViewStore store;
    private final InboxMetrics metrics;

    public OrderViewProjection(OrderViewStore store, InboxMetrics metrics) {
        this.store = store;
        this.metrics = metrics;
    }

    public void apply(@Body InboundEvent event) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            ViewDecisions.Decision decision = ViewDecisions.apply(store.find(event.customerId(), event.orderId()), event);
            if (decision instanceof ViewDecisions.Stale) {
                metrics.stale(OrderViewConsumer.NAME, event);
                return;
            }
            ViewDecisions.Write write = (ViewDecisions.Write) decision;
            if (store.write(write.next(), write.previous())) {
                log.debug("Order {}: view at version {}, status {} after event {} version {}", event.orderId(),
                        write.next().version(), write.next().status(), event.type(), event.aggregateVersion());
                return;
            }
        }
        throw new DeferredEventException("order " + event.orderId() + ": the view kept changing under event " + event.id());
    }
}
