package routes.payment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jmx.export.annotation.ManagedAttribute;
import org.springframework.jmx.export.annotation.ManagedOperation;
import org.springframework.jmx.export.annotation.ManagedOperationParameter;
import org.springframework.jmx.export.annotation.ManagedResource;
import org.springframework.stereotype.Component;

/**
 * An outage of the simulated payment provider, switched on for a while through JMX (Hawtio, or
 * Jolokia at /actuator/jolokia) so that a chaos run can take the provider away for longer than a
 * step's retries last. Kept in memory only: a restart ends it.
 */
@Component
@ManagedResource(objectName = "camel-saga-outbox:type=ProviderOutage", description = "Outage of the simulated payment provider")
public class ProviderOutage {

    private static final Logger log = LoggerFactory.getLogger(ProviderOutage.class);

    private final Clock clock;
    private volatile Instant until = Instant.MIN;

    public ProviderOutage(Clock clock) {
        this.clock = clock;
    }

    @ManagedOperation(description = "Makes every capture and refund fail as unavailable for the given milliseconds")
    @ManagedOperationParameter(name = "millis", description = "length of the outage in milliseconds")
    public String start(long millis) {
        if (millis <= 0) {
            throw new IllegalArgumentException("an outage lasts a positive number of milliseconds, not " + millis);
        }
        until = clock.instant().plus(Duration.ofMillis(millis));
        log.warn("Payment provider outage started: every capture and refund fails until {}", until);
        return "payment provider unavailable until " + until;
    }

    @ManagedOperation(description = "Ends the outage now")
    public String stop() {
        until = Instant.MIN;
        log.warn("Payment provider outage ended by an operator");
        return "payment provider available";
    }

    @ManagedAttribute(description = "Whether the provider is unavailable now")
    public boolean isActive() {
        return clock.instant().isBefore(until);
    }

    /** Called first by every provider call. */
    void check() {
        if (isActive()) {
            throw new TransientPaymentException("provider unavailable: outage");
        }
    }
}
