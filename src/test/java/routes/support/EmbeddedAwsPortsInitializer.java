package routes.support;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Gives the embedded emulators of a test context their own free ports. */
public class EmbeddedAwsPortsInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("embedded-aws-test-ports", Map.of(
                "app.local.dynamodb-port", FreePorts.next(),
                "app.local.sqs-port", FreePorts.next(),
                "app.local.sns-port", FreePorts.next())));
    }
}
