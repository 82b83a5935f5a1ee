package routes.api;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code app.console.*}: who may use the operator surfaces (Hawtio, Jolokia, the saga explorer, the
 * DLQ API, the actuator endpoints other than health and info).
 *
 * @param authentication auto: required in the aws mode, open in the local modes (loopback only); required: always
 * @param user           the operator's user name ({@code APP_CONSOLE_USER}), never from a file in the repository
 * @param password       the operator's password ({@code APP_CONSOLE_PASSWORD}, from a secrets store)
 */
@Validated
@ConfigurationProperties("app.console")
public record ConsoleSecurityProperties(
        @NotNull @DefaultValue("auto") Authentication authentication,
        String user,
        String password) {

    public enum Authentication { AUTO, REQUIRED }
}
