package routes.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Route;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.RoutePolicySupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;

/**
 * The relay's restart after a lost stream position runs on one thread owned by the poll strategy:
 * many restarts do not add threads, and the thread ends when the Camel context stops.
 */
class OutboxStreamRestartThreadTest {

    private static final int RESTARTS = 5;

    private final String contextName = "restart-thread-test-" + System.nanoTime();
    private final DefaultCamelContext camel = new DefaultCamelContext();
    private final AtomicInteger relayStarts = new AtomicInteger();

    @AfterEach
    void stopCamel() {
        camel.stop();
    }

    @Test
    void repeatedRestartsShareOneThreadThatEndsWithTheContext() throws Exception {
        // Threads of this context alone, told apart from those of Spring contexts other tests left running.
        camel.getExecutorServiceManager().setThreadNamePattern(contextName + " #name# #counter#");
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:outbox-stream").routeId(OutboxRelayRoute.RELAY_ROUTE)
                        .routePolicy(new RoutePolicySupport() {
                            @Override
                            public void onStart(Route route) {
                                relayStarts.incrementAndGet();
                            }
                        })
                        .log("${body}");
            }
        });
        camel.start();
        // Each poll failure is past the strategy's quiet time, so each one restarts the relay.
        OutboxStreamRecovery recovery = new OutboxStreamRecovery(camel, new TickingClock(Duration.ofMinutes(1)));

        for (int restart = 1; restart <= RESTARTS; restart++) {
            recovery.rollback(null, null, 0, TrimmedDataAccessException.builder().message("trimmed").build());
            int expectedStarts = restart + 1;
            await().atMost(Duration.ofSeconds(10)).until(() -> relayStarts.get() == expectedStarts);
        }

        assertThat(liveRestartThreads()).isEqualTo(1);
        camel.stop();
        await().atMost(Duration.ofSeconds(10)).until(() -> liveRestartThreads() == 0);
    }

    private long liveRestartThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.contains(contextName) && name.contains(OutboxStreamRecovery.RESTART_THREAD))
                .count();
    }

    /** A clock that moves on by a fixed step each time it is read. */
    private static final class TickingClock extends Clock {
        private final Duration step;
        private Instant now = Instant.parse("2026-01-05T10:00:00Z");

        TickingClock(Duration step) {
            this.step = step;
        }

        @Override
        public synchronized Instant instant() {
            now = now.plus(step);
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
