package routes.local;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import routes.aws.AwsEndpoints;
import routes.aws.AwsProperties;

/**
 * Embedded mode (the default): the emulators start before the AWS clients, which depend on their
 * endpoints, and stop after them, so Camel's consumers are gone before the servers are.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "app.aws.mode", havingValue = "embedded", matchIfMissing = true)
class LocalAwsConfiguration {

    @Bean(destroyMethod = "close")
    LocalEmulators localEmulators(LocalEmulatorProperties local, AwsProperties aws) {
        return LocalEmulators.start(local, aws.region());
    }

    @Bean
    AwsEndpoints localEndpoints(LocalEmulators emulators) {
        return emulators.endpoints();
    }
}
