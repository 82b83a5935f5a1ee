package routes.outbox;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code app.outbox.*}: the relay from the outbox table to SNS.
 *
 * @param source        CloudEvents source prefix; the bounded context (the event type's first word) is appended
 * @param retention     how long a published event stays in the outbox before its TTL removes it
 * @param sweepInterval how often the sweeper looks for events still pending
 * @param sweepMinAge   a pending event younger than this is left to the stream path
 * @param sweepLimit    most events one sweep republishes
 * @param batchSize     events per SNS PublishBatch (SNS allows 10)
 * @param streamPollDelay pause between two reads of the stream
 * @param publishRetries  retries of a failed publish before the events are left to the sweeper
 * @param publishRetryDelay    wait before the first retry; it doubles (with jitter) on each next one
 * @param publishRetryMaxDelay the longest wait between two retries
 */
@Validated
@ConfigurationProperties("app.outbox")
public record OutboxProperties(
        @NotBlank @DefaultValue("/camel-saga-outbox") String source,
        @NotNull @DefaultValue("24h") Duration retention,
        @NotNull @DefaultValue("5s") Duration sweepInterval,
        @NotNull @DefaultValue("5s") Duration sweepMinAge,
        @Min(1) @DefaultValue("500") int sweepLimit,
        @Min(1) @Max(10) @DefaultValue("10") int batchSize,
        @NotNull @DefaultValue("500ms") Duration streamPollDelay,
        @Min(0) @DefaultValue("3") int publishRetries,
        @NotNull @DefaultValue("200ms") Duration publishRetryDelay,
        @NotNull @DefaultValue("5s") Duration publishRetryMaxDelay) {}
