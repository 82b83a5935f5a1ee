package routes.ordersaga;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code app.saga.*}: the order saga, read by its routes and the saga service.
 *
 * @param timeout          a saga still running after this is compensated (reason TIMEOUT)
 * @param recoveryGrace    a PENDING order older than timeout + grace has lost its saga (a crash)
 * @param recoveryInterval how often the recovery route looks for such orders
 * @param resumeDeadline   a lost saga is resumed while its order is younger than this, compensated after
 * @param reconcileDelay   a cancelled order that reached the payment step is checked with the provider
 *                         once this has passed: longer than a capture can stay in flight
 * @param concurrentSagas  threads running the saga steps after the POST answered
 * @param stepRetries      redeliveries of a step that failed transiently (throttling, timeouts, provider away)
 * @param stepRetryDelay   the first redelivery's delay, doubled each time, with jitter
 * @param stepRetryMaxDelay the longest delay between two redeliveries
 * @param maxRunning       sagas running at once in this instance; more wait for a place (back-pressure)
 * @param admissionWait    how long a new order waits for a place before the API answers 503
 * @param compensationAttempts attempts of a compensation before its saga is left to recovery
 * @param compensationRetryDelay pause between two attempts of a compensation
 * @param finalizerThreads threads that run compensations
 * @param mode             who coordinates the sagas: this instance ({@code in-memory}) or an LRA coordinator ({@code lra})
 * @param lra              the LRA mode's coordinator, callbacks and remote participants
 */
@Validated
@ConfigurationProperties("app.saga")
public record SagaProperties(
        @NotNull @DefaultValue("30s") Duration timeout,
        @NotNull @DefaultValue("10s") Duration recoveryGrace,
        @NotNull @DefaultValue("10s") Duration recoveryInterval,
        @Min(1) @DefaultValue("20") int concurrentSagas,
        @Min(0) @DefaultValue("4") int stepRetries,
        @NotNull @DefaultValue("200ms") Duration stepRetryDelay,
        @NotNull @DefaultValue("5s") Duration stepRetryMaxDelay,
        @NotNull @DefaultValue("5m") Duration resumeDeadline,
        @NotNull @DefaultValue("60s") Duration reconcileDelay,
        @Min(1) @DefaultValue("200") int maxRunning,
        @NotNull @DefaultValue("5s") Duration admissionWait,
        @Min(1) @DefaultValue("12") int compensationAttempts,
        @NotNull @DefaultValue("5s") Duration compensationRetryDelay,
        @Min(1) @DefaultValue("4") int finalizerThreads,
        @NotNull @DefaultValue("in-memory") SagaMode mode,
        @NotNull @Valid @DefaultValue Lra lra) {

    /**
     * {@code app.saga.lra.*}, read in LRA mode only.
     *
     * @param coordinatorUrl     the coordinator, with its context path; the only one this instance trusts
     * @param callbackUrl        the base URL at which the coordinator (and peers) reach this instance
     * @param callbackSecret     signs participant URLs; the same on every instance, from the environment
     * @param callbackSecretFile where a local mode keeps a generated secret when none is given
     * @param callTimeout        the longest a call to the coordinator or a peer may take
     * @param participants       steps run by another instance: step id to that instance's base URL
     */
    public record Lra(
            @NotNull @DefaultValue("http://127.0.0.1:50000/lra-coordinator") URI coordinatorUrl,
            URI callbackUrl,
            String callbackSecret,
            Path callbackSecretFile,
            @NotNull @DefaultValue("10s") Duration callTimeout,
            @NotNull @DefaultValue Map<String, URI> participants) {}
}
