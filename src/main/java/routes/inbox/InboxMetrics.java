package routes.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** What the inbox filtered: duplicates dropped and stale events skipped, per consumer. */
@Component
public class InboxMetrics {

    private static final Logger log = LoggerFactory.getLogger(InboxMetrics.class);

    private final MeterRegistry registry;

    public InboxMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void duplicate(Exchange exchange) {
        InboundEvent event = exchange.getMessage().getBody(InboundEvent.class);
        String consumer = exchange.getProperty(InboxConsumer.PROPERTY, String.class);
        registry.counter("inbox.duplicates", "consumer", consumer).increment();
        log.debug("Inbox {}: dropped duplicate of event {} (order {})", consumer, event.id(), event.orderId());
    }

    public void stale(String consumer, InboundEvent event) {
        registry.counter("inbox.stale", "consumer", consumer).increment();
        log.debug("Inbox {}: skipped event {} version {} of order {}: the view holds all it says", consumer,
                event.id(), event.aggregateVersion(), event.orderId());
    }
}
