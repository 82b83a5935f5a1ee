package routes.order;

import java.time.Clock;
import org.apache.camel.saga.CamelSagaService;
import org.apache.camel.saga.InMemorySagaService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The saga service. In memory by default: fast, but every running saga is forgotten when the JVM
 * stops, which the recovery route makes up for. A coordinator that survives crashes (a
 * MicroProfile LRA service bean) takes its place when one is defined.
 */
@Configuration(proxyBeanMethods = false)
class SagaConfiguration {

    @Bean
    @ConditionalOnMissingBean(CamelSagaService.class)
    CamelSagaService inMemorySagaService() {
        InMemorySagaService saga = new InMemorySagaService();
        // A compensation that keeps failing is retried for about a minute; the recovery route takes over after that.
        saga.setMaxRetryAttempts(12);
        saga.setRetryDelayInMilliseconds(5_000);
        return saga;
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
