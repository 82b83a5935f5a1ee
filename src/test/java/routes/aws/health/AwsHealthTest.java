package routes.aws.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import routes.local.LocalEmulators;
import routes.local.LocalEmulators.Emulator;
import routes.support.EmbeddedAwsTest;

@EmbeddedAwsTest
class AwsHealthTest {

    @Autowired TestRestTemplate http;
    @Autowired LocalEmulators emulators;

    @Test
    void healthIsUpWhenDynamoDbSnsAndSqsAnswer() {
        ResponseEntity<JsonNode> health = health();

        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(health.getBody().at("/status").asText()).isEqualTo("UP");
        for (String component : new String[] {"dynamodb", "sns", "sqs"}) {
            assertThat(health.getBody().at("/components/" + component + "/status").asText()).isEqualTo("UP");
        }
    }

    @Test
    void healthGoesDownNamingSnsWhileItsEmulatorIsStopped() {
        emulators.stop(Emulator.SNS);
        try {
            ResponseEntity<JsonNode> health = health();

            assertThat(health.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(health.getBody().at("/status").asText()).isEqualTo("DOWN");
            assertThat(health.getBody().at("/components/sns/status").asText()).isEqualTo("DOWN");
            assertThat(health.getBody().at("/components/sns/details/error").asText()).isNotBlank();
            assertThat(health.getBody().at("/components/dynamodb/status").asText()).isEqualTo("UP");
            assertThat(health.getBody().at("/components/sqs/status").asText()).isEqualTo("UP");
        } finally {
            emulators.start(Emulator.SNS);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(
                () -> assertThat(health().getStatusCode()).isEqualTo(HttpStatus.OK));
    }

    private ResponseEntity<JsonNode> health() {
        return http.getForEntity("/actuator/health", JsonNode.class);
    }
}
