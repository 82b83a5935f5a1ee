package routes.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The chaos run's small version in LRA mode: 100 orders at concurrency 8 with sagas coordinated by
 * the LRA coordinator jar, one SIGKILL of the application and one of the coordinator (each restarted
 * on its data), the provider outage and the injected messages. Fails, with the run's report as the
 * message, when the run does not pass.
 */
class LraChaosRunIT {

    @Test
    void smallLraChaosRunKeepsEveryInvariantAndCancelsOnlyOrdersInFlightAtAKill() throws Exception {
        ChaosSettings settings = ChaosSettings.parse("100", "8", "1", "--seed=11", "--saga-mode=lra",
                "--coordinator-kills=1", "--work-dir=" + Path.of("target", "lra-chaos-it"), "--port-base=19200");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        ChaosReport report = new ChaosRun(settings, new PrintStream(new ReportEcho(printed, System.out), true, StandardCharsets.UTF_8)).run();

        assertThat(report.failures()).as(printed.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(report.checkedInvariants()).hasSizeGreaterThanOrEqualTo(10)
                .anySatisfy(invariant -> assertThat(invariant.name()).contains("in flight at an application kill"));
    }
}
