package routes.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import routes.support.EmbeddedAwsTest;

/** The explorer page as the application serves it: where, what it loads, and the settings it reads. */
@EmbeddedAwsTest
class ConsolePageTest {

    @LocalServerPort int port;
    @Autowired TestRestTemplate http;

    @Test
    void consoleRedirectsToConsoleSlashWhichServesThePage() throws Exception {
        HttpResponse<String> bare = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/console")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(bare.statusCode()).isEqualTo(302);
        assertThat(bare.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/console/"));

        ResponseEntity<String> page = http.getForEntity("/console/", String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(page.getBody()).contains("<title>Saga explorer", "src=\"console.js\"", "href=\"console.css\"");
    }

    @Test
    void thePageLoadsNothingFromOutsideTheApplication() {
        for (String file : new String[] {"/console/", "/console/console.js", "/console/console.css"}) {
            ResponseEntity<String> answer = http.getForEntity(file, String.class);
            assertThat(answer.getStatusCode()).as(file).isEqualTo(HttpStatus.OK);
            assertThat(answer.getBody()).as(file).doesNotContain("http://", "https://", "//cdn", "@import");
        }
    }

    @Test
    void settingsSayWhenASagaIsStuckAndNameTheCamelContext() {
        JsonNode settings = http.getForObject("/console/settings", JsonNode.class);
        // short-clocks.properties: a 3 s saga timeout and a 10 s recovery grace.
        assertThat(settings.get("stuckAfterSeconds").asLong()).isEqualTo(13);
        assertThat(settings.get("camelContext").asText()).isEqualTo("camel-saga-outbox");
    }
}
