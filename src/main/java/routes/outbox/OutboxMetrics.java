package routes.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * The relay's Micrometer meters: lag from commit to publish acknowledged, events published by path,
 * stream records skipped, sweeper republishes, and the pending outbox size seen by the last sweep.
 */
@Component
public class OutboxMetrics {

    private final Timer lag;
    private final Counter publishedByStream;
    private final Counter publishedBySweeper;
    private final MeterRegistry registry;
    private final AtomicLong pending = new AtomicLong();

    public OutboxMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.lag = Timer.builder("outbox.relay.lag")
                .description("Time from an outbox event's commit to SNS acknowledging its publish")
                .publishPercentiles(0.5, 0.95, 0.99)
                .publishPercentileHistogram()
                .register(registry);
        this.publishedByStream = published("stream");
        this.publishedBySweeper = published("sweeper");
        Gauge.builder("outbox.pending", pending, AtomicLong::get)
                .description("Outbox events not yet published, as of the last sweep")
                .register(registry);
    }

    void published(OutboxPublisher.Path path, Instant committedAt, Instant acknowledgedAt) {
        (path == OutboxPublisher.Path.SWEEPER ? publishedBySweeper : publishedByStream).increment();
        lag.record(Duration.between(committedAt, acknowledgedAt).abs());
    }

    void skipped(String eventName) {
        registry.counter("outbox.records.skipped", "event", String.valueOf(eventName)).increment();
    }

    void pending(long count) {
        pending.set(count);
    }

    private Counter published(String path) {
        return Counter.builder("outbox.events.published")
                .description("Outbox events published to SNS (the sweeper's count is its republishes)")
                .tag("path", path)
                .register(registry);
    }
}
