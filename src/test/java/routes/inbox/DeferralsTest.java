package routes.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import routes.support.ResourceDefaults;

/** How long a deferred message stays away, with application.yaml's settings. */
class DeferralsTest {

    final Instant now = Instant.parse("2026-11-30T12:00:00Z");
    final InboxProperties settings = ApplicationDefaults.inbox();
    final Deferrals deferrals = new Deferrals(null, new InboxConsumers(ResourceDefaults.CONSUMERS, ResourceDefaults.names()), settings, Clock.fixed(now, ZoneOffset.UTC),
            null, null);

    @Test
    void aMessageHeldByAnotherDeliverysClaimComesBackAfterThatClaimsLease() {
        Instant leaseEnd = now.plus(settings.lease());

        Duration delay = deferrals.delay(1, new DeferredEventException("held", leaseEnd));

        assertThat(delay).isGreaterThan(settings.lease()).isLessThanOrEqualTo(settings.lease().plusSeconds(1));
    }

    @Test
    void anyOtherDeferralBacksOffExponentiallyWithinItsBounds() {
        assertThat(deferrals.delay(1, new DeferredEventException("contention")))
                .isBetween(Duration.ofSeconds(1), settings.deferBackoff());
        assertThat(deferrals.delay(10, new DeferredEventException("contention")))
                .isBetween(settings.deferMaxBackoff().dividedBy(2), settings.deferMaxBackoff());
    }
}
