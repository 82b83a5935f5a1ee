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
 * The whole application on its embedded emulators, on free ports, with short saga clocks
 * ({@code short-clocks.properties}). Every class annotated with it shares one Spring context, so
 * the emulators start once per test run.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(locations = "classpath:short-clocks.properties")
@ContextConfiguration(initializers = EmbeddedAwsPortsInitializer.class)
public @interface EmbeddedAwsTest {}
