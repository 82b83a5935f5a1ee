package routes.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import routes.aws.AwsProperties;

/** When the operator surfaces need a login, and the start-up refused without the operator's credentials. */
class ConsoleAccessTest {

    private final ApplicationContextRunner app = new ApplicationContextRunner()
            .withUserConfiguration(Properties.class, ConsoleAccess.class);

    @Test
    void theAwsModeRefusesToStartWithoutTheOperatorsCredentialsNamingTheVariables() {
        app.withPropertyValues("app.aws.mode=aws").run(context -> assertThat(context).getFailure().rootCause()
                .hasMessageContaining("APP_CONSOLE_USER").hasMessageContaining("APP_CONSOLE_PASSWORD"));
        app.withPropertyValues("app.aws.mode=aws", "app.console.user=operator").run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("APP_CONSOLE_PASSWORD"));
    }

    @Test
    void aRequiredLoginRefusesAShortPasswordInAnyMode() {
        app.withPropertyValues("app.console.authentication=required", "app.console.user=operator",
                "app.console.password=short").run(context -> assertThat(context).getFailure().rootCause()
                .hasMessageContaining("at least " + ConsoleAccess.MIN_PASSWORD_LENGTH + " characters"));
    }

    @Test
    void theAwsModeWithCredentialsRequiresTheLogin() {
        app.withPropertyValues("app.aws.mode=aws", "app.console.user=operator", "app.console.password=long-enough-secret")
                .run(context -> assertThat(context.getBean(ConsoleAccess.class).required()).isTrue());
    }

    @Test
    void theLocalModesNeedNeitherLoginNorCredentials() {
        app.run(context -> assertThat(context.getBean(ConsoleAccess.class).required()).isFalse());
        app.withPropertyValues("app.aws.mode=endpoint")
                .run(context -> assertThat(context.getBean(ConsoleAccess.class).required()).isFalse());
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({ConsoleSecurityProperties.class, AwsProperties.class})
    static class Properties {}
}
