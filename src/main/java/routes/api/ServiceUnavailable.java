package routes.api;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The 503 problem: the request did nothing and may be sent again after Retry-After. */
final class ServiceUnavailable {

    private ServiceUnavailable() {}

    static ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
        problem.setTitle("Service unavailable");
        problem.setType(URI.create("about:blank"));
        return problem;
    }
}
