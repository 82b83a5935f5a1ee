package routes.ordersaga;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.apache.camel.saga.CamelSagaService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import routes.saga.InProcessSagaService;
import routes.saga.SagaCustody;
import routes.saga.SagaSettings;

/**
 * The saga service. In process by default: fast, but every running saga is forgotten when the JVM
 * stops, which the recovery route makes up for by resuming or compensating it from the order row.
 * With {@code app.saga.mode=lra} an LRA coordinator, which survives the loss of any instance, takes
 * its place ({@link LraSagaConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
class SagaConfiguration {

    @Bean
    @ConditionalOnProperty(name = "app.saga.mode", havingValue = "in-memory", matchIfMissing = true)
    @ConditionalOnMissingBean(CamelSagaService.class)
    InProcessSagaService inProcessSagaService(SagaProperties saga, MeterRegistry metrics) {
        // A compensation that keeps failing is retried (about a minute by default); then the saga is
        // given up, its order stays PENDING, and the recovery route compensates it again.
        InProcessSagaService service = new InProcessSagaService(new SagaSettings(saga.maxRunning(), saga.admissionWait(),
                saga.finalizerThreads(), saga.compensationAttempts(), saga.compensationRetryDelay()));
        Gauge.builder("saga.running", service, InProcessSagaService::running)
                .description("Sagas begun in this instance and not yet completed, compensated or left to recovery")
                .register(metrics);
        return service;
    }

    /** In memory, recovery alone finishes lost sagas; a coordinator defines its own custody. */
    @Bean
    @ConditionalOnMissingBean
    SagaCustody sagaCustody() {
        return SagaCustody.NONE;
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
