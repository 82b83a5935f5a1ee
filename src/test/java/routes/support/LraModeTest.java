package routes.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * As {@link EmbeddedAwsTest}, in LRA mode: the sagas are coordinated by a real coordinator
 * ({@code java -jar lra-coordinator.jar}, one per test run) that calls this context back over HTTP.
 * Classes annotated with it share one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@TestPropertySource(locations = "classpath:short-clocks.properties", properties = "app.saga.mode=lra")
@ContextConfiguration(initializers = {EmbeddedAwsPortsInitializer.class, LraModeInitializer.class})
public @interface LraModeTest {}
