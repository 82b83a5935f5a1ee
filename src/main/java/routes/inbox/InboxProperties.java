package routes.inbox;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code app.inbox.*}: the SQS consumers' inbox and error handling.
 *
 * @param lease          how long a claim (IN_PROGRESS) holds before another delivery may take it over: longer
 *                       than one delivery's in-place retries, shorter than {@code app.resources.visibility-timeout}
 *                       (checked at start-up by {@link ConsumerTimings})
 * @param retention      how long a processed event id is remembered (TTL)
 * @param transientRetries redeliveries of a transient failure before the message goes to the dead-letter queue
 * @param transientRetryDelay first redelivery's delay; doubled each time (with jitter), capped at {@code transientRetryMaxDelay}
 * @param deferBudget    receives a message may be deferred (another delivery holds its claim) before it is dead-lettered;
 *                       keep it below the queue's maxReceiveCount, which stays as the second line
 * @param deferBackoff   first deferral's delay; doubled each time, capped at {@code deferMaxBackoff}
 * @param waitRetries    in-place retries ({@code waitDelay} apart) before a deferral
 */
@Validated
@ConfigurationProperties("app.inbox")
public record InboxProperties(
        @NotNull @DefaultValue("20s") Duration lease,
        @NotNull @DefaultValue("7d") Duration retention,
        @Min(0) @DefaultValue("3") int transientRetries,
        @NotNull @DefaultValue("200ms") Duration transientRetryDelay,
        @NotNull @DefaultValue("5s") Duration transientRetryMaxDelay,
        @Min(1) @DefaultValue("4") int deferBudget,
        @NotNull @DefaultValue("1s") Duration deferBackoff,
        @NotNull @DefaultValue("20s") Duration deferMaxBackoff,
        @Min(0) @DefaultValue("3") int waitRetries,
        @NotNull @DefaultValue("100ms") Duration waitDelay) {}
