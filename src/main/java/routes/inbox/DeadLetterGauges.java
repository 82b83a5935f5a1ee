package routes.inbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Each consumer's dead-letter queue as two gauges: its depth ({@code inbox.dead.letters}) and the
 * age of its oldest message ({@code inbox.dead.letters.oldest.age}). The gauges read the last poll
 * ({@code app.inbox.dead-letter-poll-interval}), never SQS itself: a scrape makes no remote call.
 * SQS has no queue attribute for the oldest message's age (that is CloudWatch's metric), so a poll
 * peeks up to ten messages (visibility 0, left in the queue) and takes the oldest SentTimestamp:
 * exact for up to ten messages, approximate beyond.
 */
@Component
public class DeadLetterGauges implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterGauges.class);
    private static final int PEEK = 10;

    /** The last poll of one dead-letter queue; NaN until a poll succeeded. */
    private static final class Reading {
        volatile double depth = Double.NaN;
        volatile double oldestAgeSeconds = Double.NaN;
    }

    private final SqsClient sqs;
    private final InboxConsumers consumers;
    private final Clock clock;
    private final Duration interval;
    private final Map<String, Reading> readings = new ConcurrentHashMap<>();
    private final Map<String, String> queueUrls = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService poller;

    public DeadLetterGauges(SqsClient sqs, InboxConsumers consumers, List<InboxConsumer> declared, MeterRegistry registry,
            Clock clock, @Value("${app.inbox.dead-letter-poll-interval:30s}") Duration interval) {
        this.sqs = sqs;
        this.consumers = consumers;
        this.clock = clock;
        this.interval = interval;
        for (InboxConsumer consumer : declared) {
            Reading reading = readings.computeIfAbsent(consumer.name(), name -> new Reading());
            Gauge.builder("inbox.dead.letters", reading, r -> r.depth)
                    .description("Messages in the consumer's dead-letter queue (ApproximateNumberOfMessages), as of the last poll")
                    .tag("consumer", consumer.name())
                    .register(registry);
            Gauge.builder("inbox.dead.letters.oldest.age", reading, r -> r.oldestAgeSeconds)
                    .description("Age of the oldest message seen in the consumer's dead-letter queue (approximate beyond ten)")
                    .tag("consumer", consumer.name())
                    .baseUnit("seconds")
                    .register(registry);
        }
    }

    /** Polls every dead-letter queue once; a queue that cannot be read keeps its last values. */
    public void refresh() {
        readings.forEach((consumer, reading) -> {
            try {
                String url = queueUrls.computeIfAbsent(consumer,
                        name -> sqs.getQueueUrl(b -> b.queueName(consumers.deadLetterQueueOf(name))).queueUrl());
                long depth = Long.parseLong(sqs.getQueueAttributes(b -> b.queueUrl(url)
                        .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
                        .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
                reading.oldestAgeSeconds = depth == 0 ? 0 : oldestAgeSeconds(url);
                reading.depth = depth;
            } catch (RuntimeException e) {
                log.warn("Consumer {}: could not read its dead-letter queue for the gauges: {}", consumer, e.toString());
            }
        });
    }

    private double oldestAgeSeconds(String url) {
        List<Message> peeked = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(PEEK).visibilityTimeout(0)
                .messageSystemAttributeNames(MessageSystemAttributeName.SENT_TIMESTAMP)).messages();
        // Looking must not hide the messages from a replay (not every SQS honours a receive's visibility 0).
        for (Message message : peeked) {
            sqs.changeMessageVisibility(b -> b.queueUrl(url).receiptHandle(message.receiptHandle()).visibilityTimeout(0));
        }
        Instant now = clock.instant();
        return peeked.stream()
                .map(message -> message.attributes().get(MessageSystemAttributeName.SENT_TIMESTAMP))
                .filter(sent -> sent != null)
                .mapToLong(Long::parseLong)
                .min()
                .stream().mapToDouble(sent -> Math.max(0, now.toEpochMilli() - sent) / 1000.0)
                .findFirst().orElse(0);
    }

    @Override
    public void start() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "dead-letter-gauges");
            thread.setDaemon(true);
            return thread;
        });
        // The first reading at once, so a scrape soon after start-up shows numbers rather than NaN.
        executor.scheduleWithFixedDelay(this::refresh, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        poller = executor;
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = poller;
        poller = null;
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return poller != null;
    }
}
