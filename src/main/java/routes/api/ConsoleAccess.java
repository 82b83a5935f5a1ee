package routes.api;

import org.springframework.stereotype.Component;
import routes.aws.AwsMode;
import routes.aws.AwsProperties;

/**
 * Whether the operator surfaces need a login, decided once at start-up: in the aws mode (or when
 * {@code app.console.authentication=required}) they do, and the application refuses to start
 * without the operator's credentials rather than run them open.
 */
@Component
public class ConsoleAccess {

    static final int MIN_PASSWORD_LENGTH = 12;

    private final boolean required;
    private final String user;
    private final String password;

    public ConsoleAccess(ConsoleSecurityProperties console, AwsProperties aws) {
        this.required = aws.mode() == AwsMode.AWS
                || console.authentication() == ConsoleSecurityProperties.Authentication.REQUIRED;
        this.user = console.user();
        this.password = console.password();
        if (required && (blank(user) || blank(password) || password.length() < MIN_PASSWORD_LENGTH)) {
            throw new IllegalStateException("The console, Hawtio, Jolokia, the saga explorer and the DLQ API require a login "
                    + "here (app.aws.mode=aws or app.console.authentication=required): set APP_CONSOLE_USER and "
                    + "APP_CONSOLE_PASSWORD (app.console.user / app.console.password, a password of at least "
                    + MIN_PASSWORD_LENGTH + " characters) from the environment or a secrets store");
        }
    }

    public boolean required() {
        return required;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
