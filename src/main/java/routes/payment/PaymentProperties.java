package routes.payment;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code app.payment.*}: the simulated provider.
 *
 * @param latency         time every provider call takes
 * @param lateAnswerDelay how long {@code tok_timeout} keeps the capture waiting: past the saga timeout
 * @param flakyFailures   how many transient failures {@code tok_flaky} gives before it captures
 */
@Validated
@ConfigurationProperties("app.payment")
public record PaymentProperties(
        @NotNull @DefaultValue("20ms") Duration latency,
        @NotNull @DefaultValue("35s") Duration lateAnswerDelay,
        @DefaultValue("2") int flakyFailures) {}
