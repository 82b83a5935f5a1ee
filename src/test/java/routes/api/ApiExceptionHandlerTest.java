package routes.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;

/** Failures that only mean Camel cannot take work now answer 503 with Retry-After; a defect stays 500. */
class ApiExceptionHandlerTest {

    private final DefaultCamelContext camel = new DefaultCamelContext();
    private final ApiExceptionHandler handler = new ApiExceptionHandler(
            new ApiProperties(DataSize.ofKilobytes(64), Duration.ofSeconds(3)), new CamelNotRunning(camel));

    @AfterEach
    void stopCamel() {
        camel.stop();
    }

    @Test
    void camelRefusingAnExchangeBecauseItsContextIsStoppedAnswers503() {
        camel.start();

        ResponseEntity<ProblemDetail> answer = handler.unexpected(new RejectedExecutionException("CamelContext is stopped"));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("3");
        assertThat(answer.getBody().getTitle()).isEqualTo("Service unavailable");
    }

    @Test
    void anyFailureWhileTheCamelContextIsNotStartedAnswers503() {
        ResponseEntity<ProblemDetail> answer = handler.unexpected(new CamelExecutionException("no consumer", null,
                new IllegalStateException("ProducerTemplate has not been started")));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("3");
    }

    @Test
    void aDefectWhileCamelRunsStays500() {
        camel.start();

        ResponseEntity<ProblemDetail> answer = handler.unexpected(new IllegalStateException("a bug"));

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNull();
    }
}
