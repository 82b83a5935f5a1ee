package routes.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.camel.spring.boot.CamelConfigurationProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;
import routes.support.ApplicationProcess;

/** An operator's routes directory that cannot be used stops the start-up, saying what to fix. */
class OperatorRoutesStartupTest {

    @TempDir Path temp;

    @Test
    void aBrokenRouteFileStopsTheApplicationNamingTheFileAndLineAndExitsNonZero() throws Exception {
        Path routes = Files.createDirectory(temp.resolve("routes"));
        Files.writeString(routes.resolve("fraud-tap.camel.yaml"), """
                - route:
                    id: fraud-tap
                    from: [direct:fraud-tap
                """);
        Path log = temp.resolve("app.log");

        try (ApplicationProcess app = ApplicationProcess.startWithoutWaiting(ApplicationProcess.Ports.free(), log,
                "--app.routes.dir=" + routes)) {
            assertThat(app.process().waitFor(90, TimeUnit.SECONDS)).as("the application exits").isTrue();
            assertThat(app.process().exitValue()).isNotZero();
        }
        String output = Files.readString(log);
        assertThat(output).contains(routes.resolve("fraud-tap.camel.yaml").toString()).contains("line 3")
                .doesNotContain("Started Application");
    }

    @Test
    void aRoutesDirectoryThatDoesNotExistIsRefusedByName() {
        YamlRouteSources sources = new YamlRouteSources();
        sources.setEnvironment(new MockEnvironment().withProperty("app.routes.dir", temp.resolve("typo").toString()));

        assertThatThrownBy(() -> sources.postProcessAfterInitialization(new CamelConfigurationProperties(), "camel"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("app.routes.dir=" + temp.resolve("typo"))
                .hasMessageContaining("no such directory");
    }

    @Test
    void theRoutesDirectoryIsLoadedBesideTheBuiltInRoutes() throws IOException {
        Path routes = Files.createDirectory(temp.resolve("routes"));
        YamlRouteSources sources = new YamlRouteSources();
        sources.setEnvironment(new MockEnvironment().withProperty("app.routes.dir", routes.toString()));
        CamelConfigurationProperties camel = new CamelConfigurationProperties();
        camel.getMain().setRoutesIncludePattern("classpath:routes/*.camel.yaml");

        sources.postProcessAfterInitialization(camel, "camel");

        assertThat(camel.getMain().getRoutesIncludePattern())
                .isEqualTo("classpath:routes/*.camel.yaml,file:" + routes + "/*.camel.yaml");
    }
}
