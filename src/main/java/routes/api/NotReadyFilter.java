package routes.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers every {@code /api/**} request 503 with Retry-After, touching nothing, until the application
 * accepts traffic: Tomcat listens before Camel has started, and keeps listening while it stops.
 * Spring Boot sets readiness to accepting once Camel and the start-up runners are done, and back
 * to refusing when shutdown begins. Actuator stays reachable.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class NotReadyFilter extends OncePerRequestFilter {

    private final ApplicationAvailability availability;
    private final ApiProperties settings;
    private final ObjectMapper json;

    public NotReadyFilter(ApplicationAvailability availability, ApiProperties settings, ObjectMapper json) {
        this.availability = availability;
        this.settings = settings;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (availability.getReadinessState() != ReadinessState.ACCEPTING_TRAFFIC) {
            response.setHeader(HttpHeaders.RETRY_AFTER, settings.retryAfterSeconds());
            ProblemWriter.write(response, ServiceUnavailable.problem(
                    "The application is starting or shutting down; retry after " + settings.retryAfterSeconds()
                            + " s"), json);
            return;
        }
        chain.doFilter(request, response);
    }
}
