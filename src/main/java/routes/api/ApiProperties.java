package routes.api;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code app.api.*}: the HTTP API's limits.
 *
 * @param maxBodySize a larger request body is refused (413)
 * @param retryAfter  the Retry-After of a 503: while starting, stopping, or when a backing service is away
 */
@Validated
@ConfigurationProperties("app.api")
public record ApiProperties(
        @NotNull @DefaultValue("64KB") DataSize maxBodySize,
        @NotNull @DefaultValue("5s") Duration retryAfter) {

    /** Retry-After in whole seconds, at least one. */
    public String retryAfterSeconds() {
        return Long.toString(Math.max(1, retryAfter.toSeconds()));
    }
}
