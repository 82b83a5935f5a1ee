package routes.outbox;

import static routes.outbox.OutboxRelayRoute.RELAY_ROUTE;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.PollingConsumerPollStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.LimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;

/**
 * The outbox stream consumer's poll strategy. Camel 4.17's consumer keeps polling with a shard
 * iterator the stream has trimmed away (TrimmedDataAccessException) or let expire, failing every
 * poll from then on; so it does when it refreshes an expired iterator on a shard where it saw no
 * record yet (the stream refuses the request). This restarts the relay route, which starts reading
 * again from the latest record; the sweeper publishes whatever was written in between. Restarts run
 * on one thread owned by this bean, registered with Camel so that it ends when the context stops.
 */
@Component("outboxStreamRecovery")
public class OutboxStreamRecovery implements PollingConsumerPollStrategy {

    static final String RESTART_THREAD = "outbox-stream-restart";
    private static final Logger log = LoggerFactory.getLogger(OutboxStreamRecovery.class);
    private static final Duration QUIET_TIME = Duration.ofSeconds(10);

    private final CamelContext camel;
    private final Clock clock;
    private final AtomicReference<Instant> lastRestart = new AtomicReference<>(Instant.EPOCH);
    private ExecutorService restarter;

    public OutboxStreamRecovery(@Lazy CamelContext camel, Clock clock) {
        this.camel = camel;
        this.clock = clock;
    }

    @Override
    public boolean begin(Consumer consumer, Endpoint endpoint) {
        return true;
    }

    @Override
    public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
        // nothing to do after a good poll
    }

    @Override
    public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) {
        if (positionLost(cause)) {
            Instant now = clock.instant();
            Instant previous = lastRestart.get();
            if (now.isAfter(previous.plus(QUIET_TIME)) && lastRestart.compareAndSet(previous, now)) {
                log.warn("Outbox stream position lost ({}); restarting {} from the latest record, the sweeper covers the gap",
                        cause.getClass().getSimpleName(), RELAY_ROUTE);
                // Not from the polling thread itself: stopping the route waits for that thread.
                restarter().execute(this::restartRelay);
            }
        }
        return false;
    }

    static boolean positionLost(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof TrimmedDataAccessException || t instanceof ExpiredIteratorException) {
                return true;
            }
            // Camel 4.17 replaces an expired iterator with one after the last record it saw; having seen
            // none it asks without a sequence number, and the stream refuses that (400) on every poll.
            if (t instanceof AwsServiceException refused && refused.statusCode() == 400 && !isThrottling(refused)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isThrottling(AwsServiceException e) {
        return e.isThrottlingException() || e instanceof LimitExceededException;
    }

    /** The one restart thread; made again only if a stopped context shut the previous one down. */
    synchronized ExecutorService restarter() {
        if (restarter == null || restarter.isShutdown()) {
            restarter = camel.getExecutorServiceManager().newSingleThreadExecutor(this, RESTART_THREAD);
        }
        return restarter;
    }

    private void restartRelay() {
        try {
            camel.getRouteController().stopRoute(RELAY_ROUTE);
            camel.getRouteController().startRoute(RELAY_ROUTE);
        } catch (Exception e) {
            log.error("Could not restart {}: {}", RELAY_ROUTE, e.toString());
        }
    }
}
