package routes.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/** The 401 of a protected {@code /api} path: problem+json like every API error, with the Basic challenge. */
final class UnauthorizedProblem implements AuthenticationEntryPoint {

    private final ObjectMapper json;

    UnauthorizedProblem(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                "This path needs the operator's credentials (HTTP Basic)");
        problem.setTitle("Unauthorized");
        problem.setType(URI.create("about:blank"));
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + ConsoleSecurityConfiguration.REALM + "\"");
        ProblemWriter.write(response, problem, json);
    }
}
