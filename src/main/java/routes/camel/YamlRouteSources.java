package routes.camel;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.main.DefaultConfigurationProperties;
import org.apache.camel.spring.boot.CamelConfigurationProperties;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Operators' YAML routes: the {@code *.camel.yaml} files of {@code app.routes.dir}, loaded at start-up
 * beside the built-in ones (added to {@code camel.main.routes-include-pattern}). The directory must exist.
 */
@Component
public class YamlRouteSources implements BeanPostProcessor, EnvironmentAware {

    static final String DIR = "app.routes.dir";
    static final String ROUTE_FILES = "*.camel.yaml";

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    // After binding: camel.main.* as configured, completed here before Camel reads it to load its routes.
    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof CamelConfigurationProperties camel) {
            includeOperatorRoutes(camel.getMain());
        }
        return bean;
    }

    private void includeOperatorRoutes(DefaultConfigurationProperties<?> main) {
        String dir = environment.getProperty(DIR, "").strip();
        if (dir.isEmpty()) {
            return;
        }
        Path operatorRoutes = Path.of(dir).toAbsolutePath().normalize();
        // A typo must not start the application without the routes the operator meant to add.
        if (!Files.isDirectory(operatorRoutes)) {
            throw new IllegalStateException(DIR + "=" + dir + ": no such directory (" + operatorRoutes
                    + "); create it or unset " + DIR);
        }
        String builtIn = main.getRoutesIncludePattern();
        String operator = "file:" + operatorRoutes.toString().replace('\\', '/') + "/" + ROUTE_FILES;
        main.setRoutesIncludePattern(builtIn == null || builtIn.isBlank() ? operator : builtIn + "," + operator);
    }
}
