package routes.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.DisableJmx;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import routes.support.EmbeddedAwsPortsInitializer;

/**
 * The console users watch: Hawtio is served, and the dead-letter replay is an operation it can run
 * (through Jolokia). Tests switch JMX off by default; this context turns it on as the application has it.
 */
@CamelSpringBootTest
@DisableJmx(false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.jmx.enabled=true")
@ContextConfiguration(initializers = EmbeddedAwsPortsInitializer.class)
// Closed after the class: its MBeans share the JVM's MBean server with SecuredAndTracedTest's context.
@DirtiesContext
class DeadLetterReplayFromHawtioTest {

    @Autowired TestRestTemplate http;

    @Test
    void hawtioIsServedLocally() {
        ResponseEntity<String> console = http.getForEntity("/actuator/hawtio/", String.class);

        assertThat(console.getStatusCode().value()).isEqualTo(200);
        assertThat(console.getBody()).containsIgnoringCase("hawtio");
    }

    @Test
    void theReplayOperationRunsThroughJolokiaAsHawtiosJmxTabCallsIt() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String call = """
                {"type":"exec","mbean":"camel-saga-outbox:type=DeadLetterQueues",
                 "operation":"replayDeadLetters(java.lang.String,int)","arguments":["notification",5]}""";

        JsonNode answer = http.postForObject("/actuator/jolokia", new HttpEntity<>(call, headers), JsonNode.class);

        assertThat(answer.get("status").asInt()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.get("value").asText()).matches("replayed \\d+ message\\(s\\) to notification");
    }

    @Test
    void theCamelRoutesAreMBeansTheConsoleShows() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String search = "{\"type\":\"search\",\"mbean\":\"org.apache.camel:type=routes,*\"}";

        JsonNode answer = http.postForObject("/actuator/jolokia", new HttpEntity<>(search, headers), JsonNode.class);

        assertThat(answer.get("value").toString()).contains("order-saga").contains("outbox-relay").contains("order-view-update");
    }
}
