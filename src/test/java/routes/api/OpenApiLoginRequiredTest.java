package routes.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import routes.support.SecuredAndTracedTest;

/**
 * With the operator's login required ({@code app.console.authentication=required}) the API document and
 * Swagger UI are behind that login like the other consoles, and the operator paths answer the 401 the document
 * lists for them, in its problem+json shape.
 */
@SecuredAndTracedTest
class OpenApiLoginRequiredTest {

    @Autowired TestRestTemplate http;

    @Test
    void theDocumentAndSwaggerUiNeedTheOperatorsLogin() {
        for (String path : new String[] {"/v3/api-docs", "/swagger-ui.html", "/swagger-ui/index.html"}) {
            assertThat(http.getForEntity(path, String.class).getStatusCode().value()).as(path).isEqualTo(401);
        }

        ResponseEntity<String> document = operator().getForEntity("/v3/api-docs", String.class);
        assertThat(document.getStatusCode().value()).isEqualTo(200);
        ResponseEntity<String> page = operator().getForEntity("/swagger-ui/index.html", String.class);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
    }

    @Test
    void everyOperationThatLists401AnswersItAnonymouslyAsDocumented() {
        OpenApiContract contract = new OpenApiContract(operator().getForObject("/v3/api-docs", String.class));
        Set<String> claiming401 = contract.documented().stream().filter(status -> status.endsWith(" 401"))
                .map(status -> status.substring(0, status.length() - " 401".length())).collect(Collectors.toSet());

        for (String operation : claiming401) {
            String method = operation.substring(0, operation.indexOf(' '));
            String template = operation.substring(operation.indexOf(' ') + 1);
            String path = template.replace("{consumer}", "notification").replace("{orderId}", "o-1");
            ResponseEntity<String> answer = http.exchange(path, HttpMethod.valueOf(method), null, String.class);

            assertThat(answer.getStatusCode().value()).as(operation).isEqualTo(401);
            contract.check(method, template, answer);
        }
        assertThat(claiming401).containsExactlyInAnyOrder("GET /api/sagas", "GET /api/sagas/{orderId}",
                "GET /api/dlq/{consumer}", "POST /api/dlq/{consumer}/replay");
    }

    private TestRestTemplate operator() {
        return http.withBasicAuth(SecuredAndTracedTest.USER, SecuredAndTracedTest.PASSWORD);
    }
}
