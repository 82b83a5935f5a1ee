package routes.saga.lra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrustedCoordinatorTest {

    private final TrustedCoordinator coordinator = new TrustedCoordinator(URI.create("http://127.0.0.1:50000/lra-coordinator"));

    @ParameterizedTest
    @ValueSource(strings = {
            "http://127.0.0.1:50000/lra-coordinator/0_ffff7f000001_b615_6b0dd0c8_3",
            "HTTP://127.0.0.1:50000/lra-coordinator/0_ffff7f000001_b615_6b0dd0c8_3"})
    void takesTheLrasOfTheConfiguredCoordinator(String sagaId) {
        assertThat(coordinator.owns(sagaId)).isTrue();
        assertThat(coordinator.require(sagaId)).isEqualTo(sagaId);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "http://evil.example:50000/lra-coordinator/0_1",
            "http://127.0.0.1:50001/lra-coordinator/0_1",
            "https://127.0.0.1:50000/lra-coordinator/0_1",
            "http://127.0.0.1:50000.evil.example/lra-coordinator/0_1",
            "http://127.0.0.1:50000@evil.example/lra-coordinator/0_1",
            "http://user@127.0.0.1:50000/lra-coordinator/0_1",
            "http://127.0.0.1:50000/lra-coordinator-evil/0_1",
            "http://127.0.0.1:50000/lra-coordinator/",
            "http://127.0.0.1:50000/lra-coordinator",
            "http://127.0.0.1:50000/lra-coordinator/../admin",
            "http://127.0.0.1:50000/lra-coordinator/0_1?redirect=http://evil",
            "http://127.0.0.1:50000/other/0_1",
            "in-process-saga-1",
            "not a url at all",
            ""})
    void refusesAnyOtherUrl(String sagaId) {
        assertThat(coordinator.owns(sagaId)).isFalse();
        assertThatThrownBy(() -> coordinator.require(sagaId))
                .isInstanceOf(UntrustedCoordinatorException.class)
                .hasMessageContaining("not an LRA of the configured coordinator");
    }

    @org.junit.jupiter.api.Test
    void refusesNoSagaIdAtAll() {
        assertThat(coordinator.owns(null)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void aCoordinatorOnTheDefaultPortMatchesItsUrlsWithOrWithoutThePort() {
        TrustedCoordinator onDefaultPort = new TrustedCoordinator(URI.create("http://lra.internal/lra-coordinator/"));

        assertThat(onDefaultPort.owns("http://lra.internal:80/lra-coordinator/0_1")).isTrue();
        assertThat(onDefaultPort.owns("http://lra.internal/lra-coordinator/0_1")).isTrue();
        assertThat(onDefaultPort.owns("http://lra.internal:8080/lra-coordinator/0_1")).isFalse();
    }
}
