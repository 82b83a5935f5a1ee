package routes.timeline;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code app.timeline.*}: the journal of exceptional outcomes the saga explorer shows.
 *
 * @param retention    how long an entry is kept (TTL)
 * @param writeTimeout bound on one journal write: a slow table must not hold up the step or consumer that writes
 */
@Validated
@ConfigurationProperties("app.timeline")
public record TimelineProperties(
        @NotNull @DefaultValue("7d") Duration retention,
        @NotNull @DefaultValue("2s") Duration writeTimeout) {}
