package routes.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import routes.timeline.TimelineEntry;
import routes.timeline.TimelineJournal;

/**
 * What the inbox filtered: duplicates dropped and stale events skipped, per consumer; each also
 * journaled for the saga explorer.
 */
@Component
public class InboxMetrics {

    private static final Logger log = LoggerFactory.getLogger(InboxMetrics.class);

    private final MeterRegistry registry;
    private final TimelineJournal timeline;

    public InboxMetrics(MeterRegistry registry, TimelineJournal timeline) {
        this.registry = registry;
        this.timeline = timeline;
    }

    public void duplicate(Exchange exchange) {
        InboundEvent event = exchange.getMessage().getBody(InboundEvent.class);
        String consumer = exchange.getProperty(InboxConsumer.PROPERTY, String.class);
        registry.counter("inbox.duplicates", "consumer", consumer).increment();
        EventReference reference = EventReference.of(event);
        log.debug("Inbox {}: dropped duplicate of event {} (order {})", consumer, event.id(), reference.orderId());
        journal(consumer, reference, TimelineEntry.DUPLICATE_DROPPED);
    }

    public void stale(String consumer, InboundEvent event) {
        registry.counter("inbox.stale", "consumer", consumer).increment();
        log.debug("Inbox {}: skipped event {} version {} of order {}: the view holds all it says", consumer,
                event.id(), event.aggregateVersion(), event.orderId());
        journal(consumer, EventReference.of(event), TimelineEntry.SKIPPED_AS_STALE);
    }

    private void journal(String consumer, EventReference event, String outcome) {
        timeline.record(TimelineEntry.consumed(event.orderId(), timeline.now(), consumer, event.eventId(), event.type(),
                outcome));
    }
}
