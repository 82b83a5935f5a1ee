package routes.ordersaga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.env.MockEnvironment;
import routes.aws.AwsProperties;
import routes.saga.lra.GuardedLraSagaService;

/** How LRA mode is configured: its secret, its callback URL, and camel.lra.enabled following the mode. */
class LraSagaConfigurationTest {

    private static final String PATH = "/lra-participant/compensate";
    private static final String SAGA = "http://127.0.0.1:50000/lra-coordinator/0_1";

    private final ApplicationContextRunner lraMode = new ApplicationContextRunner()
            .withUserConfiguration(Properties.class, LraSagaConfiguration.class)
            .withPropertyValues("app.saga.mode=lra", "app.saga.lra.callback-url=http://127.0.0.1:8080");

    @Test
    void theAwsModeRefusesToStartWithoutACallbackSecret() {
        lraMode.withPropertyValues("app.aws.mode=aws").run(context -> assertThat(context).getFailure()
                .rootCause().hasMessageContaining("SAGA_CALLBACK_SECRET"));
    }

    @Test
    void aSecretShorterThan32BytesIsRefused() {
        lraMode.withPropertyValues("app.saga.lra.callback-secret=too-short").run(context -> assertThat(context).getFailure()
                .rootCause().hasMessageContaining("at least 32 bytes"));
    }

    @Test
    void aCallbackUrlOnPortZeroIsRefusedBecauseTheCoordinatorCouldNotCallIt() {
        lraMode.withPropertyValues("app.saga.lra.callback-secret=" + "s".repeat(32), "app.saga.lra.callback-url=http://127.0.0.1:0")
                .run(context -> assertThat(context).getFailure().rootCause().hasMessageContaining("app.saga.lra.callback-url"));
    }

    @Test
    void withoutASecretALocalModeGeneratesOneIntoAPrivateFileThatEveryInstanceOnTheHostShares(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("secrets").resolve("lra-callback-secret");
        String[] signatures = new String[2];
        for (int instance = 0; instance < 2; instance++) {
            int current = instance;
            lraMode.withPropertyValues("app.saga.lra.callback-secret-file=" + file).run(context -> {
                assertThat(context).hasNotFailed();
                signatures[current] = context.getBean(GuardedLraSagaService.class).signature().sign(PATH, SAGA, Map.of());
            });
        }

        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(signatures[1]).isEqualTo(signatures[0]);
    }

    @Test
    void theSecretFromTheEnvironmentWinsOverTheFile(@TempDir Path dir) {
        lraMode.withPropertyValues("app.saga.lra.callback-secret=" + "e".repeat(32),
                "app.saga.lra.callback-secret-file=" + dir.resolve("unused")).run(context -> assertThat(context).hasNotFailed());

        assertThat(dir.resolve("unused")).doesNotExist();
    }

    @Test
    void camelLraEnabledFollowsTheSagaMode() {
        assertThat(postProcessed(new MockEnvironment()).getProperty("camel.lra.enabled")).isEqualTo("false");
        assertThat(postProcessed(new MockEnvironment().withProperty("app.saga.mode", "lra")).getProperty("camel.lra.enabled"))
                .isEqualTo("true");
        assertThat(postProcessed(new MockEnvironment().withProperty("app.saga.mode", "lra").withProperty("camel.lra.enabled", "true"))
                .getProperty("camel.lra.enabled")).isEqualTo("true");
    }

    @Test
    void camelLraEnabledContradictingTheSagaModeStopsTheStartUpNamingBoth() {
        assertThatThrownBy(() -> postProcessed(new MockEnvironment().withProperty("camel.lra.enabled", "true")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("camel.lra.enabled=true").hasMessageContaining("app.saga.mode=in-memory");
    }

    @Test
    void remoteParticipantsNeedLraModeAndAStepThatRunsAfterTheOrderIsCreated() {
        new ApplicationContextRunner().withUserConfiguration(Properties.class, RemoteSteps.class)
                .withPropertyValues("app.saga.lra.participants.payment-capture=http://127.0.0.1:8081")
                .run(context -> assertThat(context).getFailure().rootCause().hasMessageContaining("needs app.saga.mode=lra"));
        new ApplicationContextRunner().withUserConfiguration(Properties.class, RemoteSteps.class)
                .withPropertyValues("app.saga.mode=lra", "app.saga.lra.participants.order-create=http://127.0.0.1:8081")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("order-create: not a step another instance can run"));
        new ApplicationContextRunner().withUserConfiguration(Properties.class, RemoteSteps.class)
                .withPropertyValues("app.saga.mode=lra", "app.saga.lra.participants.payment-capture=http://127.0.0.1:8081")
                .run(context -> assertThat(context.getBean(RemoteSteps.class).endpoint(SagaStep.PAYMENT_CAPTURE))
                        .isEqualTo("direct:remote-payment-capture"));
    }

    private static MockEnvironment postProcessed(MockEnvironment environment) {
        new SagaModeEnvironment().postProcessEnvironment(environment, null);
        return environment;
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({SagaProperties.class, AwsProperties.class})
    static class Properties {
        @Bean
        ObjectMapper objectMapper() {
            return new ObjectMapper();
        }
    }
}
