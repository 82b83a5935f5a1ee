package routes.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * A route test: the application on its embedded emulators with the edges of the saga, recovery,
 * relay and consumer routes replaced by mocks ({@link RouteTestAdvice}, woven once). Every class annotated with
 * it shares one Spring context. Camel only finds {@code @UseAdviceWith} on the test class itself,
 * so each class carries it beside this annotation.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@CamelSpringBootTest
@SpringBootTest(properties = {
        // A short saga timeout, so the saga route's timeout paths run in seconds.
        "app.saga.timeout=2s",
        // Recovery rounds come quickly; what they find is mocked, so no other test's order is theirs.
        "app.saga.recovery-interval=500ms",
        "app.saga.recovery-grace=1h",
        // Step retries, quick and counted: a step is called 1 + 3 times before it fails.
        "app.saga.step-retries=3",
        "app.saga.step-retry-delay=10",
        "app.saga.step-retry-max-delay=50",
        // A publish is tried 1 + 2 times; the sweeper runs often enough to be seen.
        "app.outbox.publish-retries=2",
        "app.outbox.sweep-interval=200ms",
        // Consumers: a transient failure is tried 1 + 2 times, a claim waited for 2 × 10ms, a deferral allowed 4 receives.
        "app.inbox.transient-retries=2",
        "app.inbox.wait-retries=2",
        "app.inbox.wait-delay=10ms",
        "app.inbox.defer-budget=4",
        // The example route of app.routes.dir (docs/examples/routes/fraud-tap.camel.yaml), declared as an operator does.
        "app.routes.consumers.fraud-tap.event-types=order.cancelled"})
@ContextConfiguration(initializers = EmbeddedAwsPortsInitializer.class)
@ExtendWith(RouteTestAdvice.class)
public @interface RouteTest {}
