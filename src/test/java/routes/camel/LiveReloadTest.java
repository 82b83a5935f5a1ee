package routes.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

/** When edited YAML routes are reloaded: in development only. */
class LiveReloadTest {

    @TempDir Path routes;

    @Test
    void theSourceRoutesAreWatchedWhenRunFromTheProjectRoot() {
        assertThat(LiveReload.watchedDirectory(new MockEnvironment()))
                .contains(Path.of("src/main/resources/routes").toAbsolutePath());
    }

    @Test
    void anExistingDirectoryIsWatchedInTheLocalModes() {
        MockEnvironment endpointMode = new MockEnvironment().withProperty("app.aws.mode", "endpoint")
                .withProperty("app.routes.reload-dir", routes.toString());

        assertThat(LiveReload.watchedDirectory(endpointMode)).contains(routes.toAbsolutePath());
    }

    @Test
    void nothingIsWatchedInTheAwsMode() {
        MockEnvironment aws = new MockEnvironment().withProperty("app.aws.mode", "aws")
                .withProperty("app.routes.reload-dir", routes.toString());

        assertThat(LiveReload.watchedDirectory(aws)).isEmpty();
    }

    @Test
    void nothingIsWatchedWhereTheDirectoryIsMissingOrUnset() {
        assertThat(LiveReload.watchedDirectory(new MockEnvironment()
                .withProperty("app.routes.reload-dir", routes.resolve("absent").toString()))).isEmpty();
        assertThat(LiveReload.watchedDirectory(new MockEnvironment().withProperty("app.routes.reload-dir", ""))).isEmpty();
    }
}
