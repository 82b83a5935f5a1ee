package coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CoordinatorSettingsTest {

    private static final Map<String, String> NO_ENVIRONMENT = Map.of();

    @Test
    void withoutSettingsItBindsLoopbackOnPort50000WithAStoreInTheWorkingDirectory() {
        CoordinatorSettings settings = CoordinatorSettings.from(name -> null, NO_ENVIRONMENT);

        assertThat(settings.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(settings.port()).isEqualTo(50000);
        assertThat(settings.objectStoreDir()).isEqualTo(Path.of("lra-object-store").toAbsolutePath());
        assertThat(settings.url()).isEqualTo(URI.create("http://127.0.0.1:50000/lra-coordinator"));
    }

    @Test
    void theEnvironmentOverridesTheDefaults() {
        Map<String, String> environment = Map.of(
                "LRA_COORDINATOR_BIND_ADDRESS", "0.0.0.0",
                "LRA_COORDINATOR_PORT", "18801",
                "LRA_COORDINATOR_OBJECT_STORE_DIR", "/var/lib/lra");

        CoordinatorSettings settings = CoordinatorSettings.from(name -> null, environment);

        assertThat(settings.bindAddress()).isEqualTo("0.0.0.0");
        assertThat(settings.port()).isEqualTo(18801);
        assertThat(settings.objectStoreDir()).isEqualTo(Path.of("/var/lib/lra"));
    }

    @Test
    void aSystemPropertyOverridesTheEnvironment() {
        Map<String, String> properties = Map.of("lra.coordinator.port", "18802");

        CoordinatorSettings settings = CoordinatorSettings.from(properties::get, Map.of("LRA_COORDINATOR_PORT", "18801"));

        assertThat(settings.port()).isEqualTo(18802);
    }

    @Test
    void aPortThatIsNotANumberIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> CoordinatorSettings.from(name -> null, Map.of("LRA_COORDINATOR_PORT", "fifty")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lra.coordinator.port (LRA_COORDINATOR_PORT)")
                .hasMessageContaining("'fifty'");
    }

    @Test
    void aPortOutOfRangeIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> CoordinatorSettings.from(name -> null, Map.of("LRA_COORDINATOR_PORT", "70000")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("LRA_COORDINATOR_PORT")
                .hasMessageContaining("70000");
    }

    @Test
    void anIpv6BindAddressIsBracketedInTheUrl() {
        CoordinatorSettings settings = new CoordinatorSettings("::1", 18803, Path.of("store"));

        assertThat(settings.url()).isEqualTo(URI.create("http://[::1]:18803/lra-coordinator"));
    }
}
