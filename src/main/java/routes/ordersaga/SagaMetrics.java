package routes.ordersaga;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * The order saga's Micrometer meters, counted at the order level (the order row's writes and the
 * saga route), so the in-memory and the LRA mode count alike and a replayed step counts nothing:
 * sagas started, completed and compensated by reason, their duration from placement to the final
 * status, and recoveries by what they did. Step durations: {@link SagaStepTimings}.
 */
@Component
public class SagaMetrics {

    static final double[] PERCENTILES = {0.5, 0.95, 0.99};

    private final MeterRegistry registry;
    private final Clock clock;
    private final Counter started;
    private final Counter completed;

    public SagaMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        this.started = Counter.builder("saga.started").description("Order sagas started (one per new order)")
                .register(registry);
        this.completed = Counter.builder("saga.completed").description("Order sagas that confirmed their order")
                .register(registry);
    }

    /** A new order's saga began (not a duplicate request, not a resumed saga). */
    public void started() {
        started.increment();
    }

    /** The order was confirmed: this call wrote the CONFIRMED status. */
    public void completed(Instant placedAt) {
        completed.increment();
        duration("confirmed").record(since(placedAt));
    }

    /** The order was cancelled with {@code reason}: this call wrote the CANCELLED status. */
    public void compensated(String reason, Instant placedAt) {
        Counter.builder("saga.compensated").description("Order sagas compensated (order cancelled), by reason")
                .tag("reason", String.valueOf(reason)).register(registry).increment();
        duration("cancelled").record(since(placedAt));
    }

    /** A lost saga was resumed in a new one by the recovery route. */
    public void rolledForward() {
        recovery("rolled-forward");
    }

    /** A lost saga's steps were undone by the recovery route. */
    public void recoveredByCompensation() {
        recovery("compensated");
    }

    private void recovery(String outcome) {
        Counter.builder("saga.recoveries").description("Lost sagas the recovery route finished, by what it did")
                .tag("outcome", outcome).register(registry).increment();
    }

    private Timer duration(String outcome) {
        return Timer.builder("saga.duration").description("Time from an order's placement to its final status")
                .tag("outcome", outcome)
                .publishPercentiles(PERCENTILES)
                .register(registry);
    }

    private Duration since(Instant placedAt) {
        return Duration.between(placedAt, clock.instant()).abs();
    }
}
