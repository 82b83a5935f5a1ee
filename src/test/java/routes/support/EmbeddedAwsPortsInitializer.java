package routes.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives the embedded emulators of a test context their own free ports, and the context its own
 * cluster directory, so that it leads the outbox relay whatever else runs on the machine.
 */
public class EmbeddedAwsPortsInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static String clusterRoot() {
        try {
            return Files.createTempDirectory("camel-saga-outbox-cluster").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("embedded-aws-test-ports", Map.of(
                "app.local.dynamodb-port", FreePorts.next(),
                "app.local.sqs-port", FreePorts.next(),
                "app.local.sns-port", FreePorts.next(),
                "camel.cluster.file.root", clusterRoot())));
    }
}
