package routes.ordersaga;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code camel.lra.enabled} follows {@code app.saga.mode}, so the mode is the one switch. Setting
 * both, differently, stops the start-up with both names.
 */
public class SagaModeEnvironment implements EnvironmentPostProcessor {

    static final String MODE = "app.saga.mode";
    static final String CAMEL_LRA_ENABLED = "camel.lra.enabled";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean lra = "lra".equalsIgnoreCase(environment.getProperty(MODE, "in-memory").strip());
        String explicit = environment.getProperty(CAMEL_LRA_ENABLED);
        if (explicit != null && Boolean.parseBoolean(explicit.strip()) != lra) {
            throw new IllegalStateException(CAMEL_LRA_ENABLED + "=" + explicit + " contradicts " + MODE + "="
                    + environment.getProperty(MODE, "in-memory") + ": set " + MODE + " only (in-memory or lra)");
        }
        environment.getPropertySources().addLast(new MapPropertySource("saga-mode", Map.of(CAMEL_LRA_ENABLED, lra)));
    }
}
