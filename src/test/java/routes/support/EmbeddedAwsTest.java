package routes.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on its embedded emulators, on free ports. Every class annotated with it
 * shares one Spring context, so the emulators start once per test run.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // Short saga clocks, so timeout and recovery paths run in seconds.
        "app.saga.timeout=3s",
        "app.saga.recovery-grace=10s",
        "app.saga.recovery-interval=1s",
        "app.payment.late-answer-delay=4s",
        // Longer than the late answer, as in production: no capture is in flight when a cancelled order is checked.
        "app.saga.reconcile-delay=6s",
        "app.payment.latency=0s",
        // A quick sweeper, so the relay's guarantee shows within seconds.
        "app.outbox.sweep-interval=1s",
        "app.outbox.sweep-min-age=2s",
        // Claims of crashed consumers expire quickly, deferrals come back quickly.
        "app.inbox.lease=3s",
        "app.inbox.defer-backoff=1s",
        "app.inbox.defer-max-backoff=2s"})
@ContextConfiguration(initializers = EmbeddedAwsPortsInitializer.class)
public @interface EmbeddedAwsTest {}
