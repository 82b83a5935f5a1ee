package routes.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole application on its embedded emulators as it runs outside the local modes: the operator's
 * login required (user {@link #USER}, password {@link #PASSWORD}) and OpenTelemetry tracing on with spans kept in memory ({@link InMemoryTracing}). Every
 * class annotated with it gets this Spring context (beside {@link EmbeddedAwsTest}'s), closed after the class.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "app.console.authentication=required",
        "app.console.user=" + SecuredAndTracedTest.USER,
        "app.console.password=" + SecuredAndTracedTest.PASSWORD,
        "camel.opentelemetry2.enabled=true",
        // The MBeans Jolokia serves (Spring Boot tests leave JMX off).
        "spring.jmx.enabled=true"})
@TestPropertySource(locations = "classpath:short-clocks.properties")
@ContextConfiguration(initializers = EmbeddedAwsPortsInitializer.class)
@Import(InMemoryTracing.class)
// Closed after each class: its MBeans (the DLQ replay) share the JVM's MBean server with
// DeadLetterReplayFromHawtioTest's context, and one name can be registered once.
@DirtiesContext
public @interface SecuredAndTracedTest {

    String USER = "operator";
    String PASSWORD = "test-only-password-7f3c";
}
