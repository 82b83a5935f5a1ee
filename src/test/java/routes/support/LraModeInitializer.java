package routes.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points an LRA-mode test context at the test run's coordinator, gives it a free port the
 * coordinator can call back, and a callback secret of its own (generated, never stored).
 */
public class LraModeInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static LraCoordinatorProcess coordinator;

    /** The test run's coordinator, started on first use and stopped when the JVM exits. */
    public static synchronized LraCoordinatorProcess coordinator() {
        if (coordinator == null) {
            try {
                coordinator = LraCoordinatorProcess.start(Files.createTempDirectory("lra-coordinator-test"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            LraCoordinatorProcess started = coordinator;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        return coordinator;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        int port = FreePorts.next();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("lra-mode-test", Map.of(
                "server.port", port,
                "app.saga.lra.coordinator-url", coordinator().url().toString(),
                "app.saga.lra.callback-url", "http://127.0.0.1:" + port,
                "app.saga.lra.callback-secret", Base64.getEncoder().encodeToString(secret))));
    }
}
