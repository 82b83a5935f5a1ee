package routes.order;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code app.saga.*}: the order saga. Routes read the same keys as {@code {{app.saga.x}}}.
 *
 * @param timeout          a saga still running after this is compensated (reason TIMEOUT)
 * @param recoveryGrace    a PENDING order older than timeout + grace has lost its saga (a crash)
 * @param recoveryInterval how often the recovery route looks for such orders
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
        @NotNull @DefaultValue("5s") Duration stepRetryMaxDelay) {}
