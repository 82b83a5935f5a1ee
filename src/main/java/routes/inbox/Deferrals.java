package routes.inbox;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.component.aws2.sqs.Sqs2Constants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import routes.timeline.TimelineEntry;
import routes.timeline.TimelineJournal;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Puts a message that cannot be processed yet back on its queue for later: it stays unacknowledged
 * and its visibility timeout becomes an exponential backoff with jitter, so SQS redelivers it then.
 * Each deferral is one receive; past the budget the dead-letter channel takes it. A message held
 * back by another delivery's claim comes back after that claim's lease, so that it can take it over.
 * Each deferral is counted ({@code inbox.deferrals} by consumer) and journaled for the saga explorer.
 */
@Component
public class Deferrals {

    private static final Logger log = LoggerFactory.getLogger(Deferrals.class);
    // SQS refuses a visibility timeout over 12 hours.
    private static final long MAX_VISIBILITY_SECONDS = 43_200;

    private final SqsClient sqs;
    private final InboxConsumers consumers;
    private final InboxProperties settings;
    private final Clock clock;
    private final MeterRegistry registry;
    private final TimelineJournal timeline;

    public Deferrals(SqsClient sqs, InboxConsumers consumers, InboxProperties settings, Clock clock,
            MeterRegistry registry, TimelineJournal timeline) {
        this.sqs = sqs;
        this.consumers = consumers;
        this.settings = settings;
        this.clock = clock;
        this.registry = registry;
        this.timeline = timeline;
    }

    public boolean withinBudget(Exchange exchange) {
        return DeadLetters.receiveCount(exchange) < settings.deferBudget();
    }

    public void defer(Exchange exchange) {
        String consumer = exchange.getProperty(InboxConsumer.PROPERTY, String.class);
        int receives = DeadLetters.receiveCount(exchange);
        Throwable reason = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        Duration later = delay(receives, reason);
        String queueUrl = sqs.getQueueUrl(b -> b.queueName(consumers.queueOf(consumer))).queueUrl();
        String receipt = exchange.getMessage().getHeader(Sqs2Constants.RECEIPT_HANDLE, String.class);
        if (receipt == null) {
            log.warn("Consumer {}: deferred a message that did not come from SQS; nothing to put back", consumer);
            return;
        }
        sqs.changeMessageVisibility(b -> b.queueUrl(queueUrl).receiptHandle(receipt)
                .visibilityTimeout((int) Math.max(1, Math.min(MAX_VISIBILITY_SECONDS, later.toSeconds()))));
        log.info("Consumer {}: message {} deferred for {} s (receive {} of {}): {}", consumer,
                exchange.getMessage().getHeader(Sqs2Constants.MESSAGE_ID), later.toSeconds(), receives,
                settings.deferBudget(), reason == null ? "" : reason.getMessage());
        registry.counter("inbox.deferrals", "consumer", consumer).increment();
        EventReference.of(exchange).ifPresent(event -> timeline.record(TimelineEntry.consumed(event.orderId(),
                timeline.now(), consumer, event.eventId(), event.type(), TimelineEntry.DEFERRED)));
    }

    /** The backoff, or longer when another delivery's claim holds the message back: until its lease ends. */
    Duration delay(int receives, Throwable reason) {
        Duration backoff = backoff(receives);
        if (reason instanceof DeferredEventException deferred && deferred.heldUntil().isPresent()) {
            Duration leaseLeft = Duration.between(clock.instant(), deferred.heldUntil().get()).plusSeconds(1);
            return leaseLeft.compareTo(backoff) > 0 ? leaseLeft : backoff;
        }
        return backoff;
    }

    Duration backoff(int receives) {
        long base = settings.deferBackoff().toMillis() << Math.min(10, Math.max(0, receives - 1));
        long jittered = base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
        return Duration.ofMillis(Math.min(settings.deferMaxBackoff().toMillis(), Math.max(1000, jittered)));
    }
}
