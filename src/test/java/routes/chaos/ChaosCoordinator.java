package routes.chaos;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import routes.support.LraCoordinatorProcess;

/**
 * The LRA coordinator of an lra-mode run ({@code --saga-mode=lra}): on port-base + 10 with its
 * object store under the work dir, killed and restarted by the schedule; and what points the
 * application at it: the mode, the coordinator URL, and a callback secret generated for the run.
 */
final class ChaosCoordinator implements AutoCloseable {

    private final LraCoordinatorProcess process;
    private final String callbackSecret;
    private int starts = 1;

    private ChaosCoordinator(LraCoordinatorProcess process, String callbackSecret) {
        this.process = process;
        this.callbackSecret = callbackSecret;
    }

    static ChaosCoordinator start(ChaosSettings settings) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        Path dir = settings.workDir().resolve("coordinator");
        return new ChaosCoordinator(LraCoordinatorProcess.start(dir, settings.coordinatorPort()),
                Base64.getEncoder().encodeToString(secret));
    }

    List<String> applicationArguments() {
        return List.of("--app.saga.mode=lra", "--app.saga.lra.coordinator-url=" + process.url());
    }

    // The secret goes in the environment, as the application expects it in production, not on the command line.
    Map<String, String> applicationEnvironment() {
        return Map.of("SAGA_CALLBACK_SECRET", callbackSecret);
    }

    /** SIGKILL; returns when it happened. */
    Instant kill() throws InterruptedException {
        Instant at = Instant.now();
        process.kill();
        return at;
    }

    /** Starts it again on the same port and store; returns once it answers. */
    Instant startAgain() {
        starts++;
        process.startAgain();
        return Instant.now();
    }

    int starts() {
        return starts;
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
