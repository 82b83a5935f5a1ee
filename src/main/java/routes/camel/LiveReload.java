package routes.camel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Live reload of edited YAML routes ({@code app.routes.reload-dir}), in development only: never in the aws
 * mode, and only when the directory exists, as {@code src/main/resources/routes} does when
 * {@code mvn spring-boot:run} runs from the project root. Camel's own {@code camel.main.routes-reload-*}
 * is not used: in Camel 4.17 it skips {@code templatedRoute} entries, which our consumers are.
 */
@Configuration(proxyBeanMethods = false)
public class LiveReload {

    static final String RELOAD_DIR = "app.routes.reload-dir";
    static final String DEFAULT_RELOAD_DIR = "src/main/resources/routes";
    static final String ROUTE_FILES = "*.camel.yaml";

    /** The directory to watch, or empty when live reload is off. */
    static Optional<Path> watchedDirectory(Environment environment) {
        String dir = environment.getProperty(RELOAD_DIR, DEFAULT_RELOAD_DIR).strip();
        boolean aws = "aws".equalsIgnoreCase(environment.getProperty("app.aws.mode", "embedded").strip());
        if (aws || dir.isEmpty() || !Files.isDirectory(Path.of(dir))) {
            return Optional.empty();
        }
        return Optional.of(Path.of(dir).toAbsolutePath().normalize());
    }

    @Bean
    CamelContextConfiguration liveReloadOfYamlRoutes(Environment environment) {
        Optional<Path> watched = watchedDirectory(environment);
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camel) {
                if (watched.isEmpty()) {
                    return;
                }
                TemplatedRouteReload reload = new TemplatedRouteReload(watched.get().toString());
                reload.setPattern(ROUTE_FILES);
                // Only the edited file's routes are replaced: the Java routes and the saga service stay untouched.
                reload.setRemoveAllRoutes(false);
                try {
                    camel.addService(reload);
                } catch (Exception e) {
                    throw new IllegalStateException("Live reload of the YAML routes in " + watched.get() + " could not start", e);
                }
            }

            @Override
            public void afterApplicationStart(CamelContext camel) {}
        };
    }
}
