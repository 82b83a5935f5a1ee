package routes.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The chaos run's small version in {@code mvn verify}: 200 orders at concurrency 8, two SIGKILLs,
 * the provider outage and the injected messages, against the jar {@code package} just built.
 * Fails, with the run's report as the message, when the run does not pass.
 */
class ChaosRunIT {

    @Test
    void smallChaosRunKeepsEveryInvariantWithoutInternalErrorsOrCrashCancellations() throws Exception {
        ChaosSettings settings = ChaosSettings.parse("200", "8", "2", "--seed=9",
                "--work-dir=" + Path.of("target", "chaos-it"), "--port-base=18340");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        ChaosReport report = new ChaosRun(settings, new PrintStream(new ReportEcho(printed, System.out), true, StandardCharsets.UTF_8)).run();

        assertThat(report.failures()).as(printed.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(report.checkedInvariants()).hasSizeGreaterThanOrEqualTo(9);
    }
}
