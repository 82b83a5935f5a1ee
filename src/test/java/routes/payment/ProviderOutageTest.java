package routes.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import routes.support.ResourceDefaults;

/** The provider outage a chaos run switches on through JMX: captures and refunds fail as transient while it lasts. */
class ProviderOutageTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-01-05T10:00:00Z"));
    private final ProviderOutage outage = new ProviderOutage(clock);
    // No DynamoDB client: during an outage the provider must fail before it touches its ledger.
    private final SimulatedPaymentProvider provider = new SimulatedPaymentProvider(null, ResourceDefaults.names(),
            new PaymentProperties(Duration.ZERO, Duration.ZERO, 0), outage);

    @Test
    void captureAndRefundFailAsUnavailableDuringAnOutage() {
        outage.start(10_000);

        assertThatThrownBy(() -> provider.capture("o-1", BigDecimal.TEN, "tok_ok"))
                .isInstanceOf(TransientPaymentException.class).hasMessage("provider unavailable: outage");
        assertThatThrownBy(() -> provider.refundAll("o-1"))
                .isInstanceOf(TransientPaymentException.class).hasMessage("provider unavailable: outage");
    }

    @Test
    void anOutageEndsAfterItsLength() {
        outage.start(10_000);
        clock.advance(Duration.ofMillis(9_999));
        assertThat(outage.isActive()).isTrue();

        clock.advance(Duration.ofMillis(1));

        assertThat(outage.isActive()).isFalse();
    }

    @Test
    void anOperatorCanEndAnOutageEarly() {
        outage.start(60_000);

        outage.stop();

        assertThat(outage.isActive()).isFalse();
    }

    @Test
    void anOutageOfNoTimeIsRefused() {
        assertThatThrownBy(() -> outage.start(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
