package routes.local;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import routes.aws.AwsProperties;

/**
 * The emulators on their own, so that an application in endpoint mode can be killed and started
 * again against them. No routes, no auto-configuration: only {@link LocalAwsConfiguration} with the
 * same {@code app.local.*} settings (and logging) as the embedded mode.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({LocalEmulatorProperties.class, AwsProperties.class})
@Import(LocalAwsConfiguration.class)
public class LocalEmulatorsMain {

    public static void main(String[] args) {
        new SpringApplicationBuilder(LocalEmulatorsMain.class)
                .web(WebApplicationType.NONE)
                .properties("spring.main.keep-alive=true", "app.aws.mode=embedded")
                .run(args);
    }
}
