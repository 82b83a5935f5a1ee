package routes.saga.lra;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a request under {@code /lra-participant/} through only when it carries a saga id of the
 * trusted coordinator and the signature this instance (or a peer with the same secret) put in the
 * URL it gave out; anything else is answered 403 before it reaches a route.
 */
public class ParticipantCallbackFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ParticipantCallbackFilter.class);

    private final TrustedCoordinator coordinator;
    private final CallbackSignature signature;
    private final ObjectMapper json;

    public ParticipantCallbackFilter(TrustedCoordinator coordinator, CallbackSignature signature, ObjectMapper json) {
        this.coordinator = coordinator;
        this.signature = signature;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !path(request).startsWith(LraSettings.PARTICIPANT_PATH + "/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String refusal = refusal(request);
        if (refusal != null) {
            log.warn("Participant callback {} {} refused: {}", request.getMethod(), path(request), refusal);
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, refusal);
            problem.setTitle("Participant callback refused");
            response.setStatus(HttpStatus.FORBIDDEN.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), problem);
            return;
        }
        chain.doFilter(request, response);
    }

    /** Why the request is refused, or null when it is a signed callback of a trusted saga. */
    private String refusal(HttpServletRequest request) {
        String sagaId = request.getHeader(Exchange.SAGA_LONG_RUNNING_ACTION);
        if (sagaId == null) {
            return "no " + Exchange.SAGA_LONG_RUNNING_ACTION + " header";
        }
        if (!coordinator.owns(sagaId)) {
            return "the saga is not one of the configured coordinator";
        }
        Map<String, String> parameters = new TreeMap<>();
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (parameter.getValue().length != 1) {
                return "parameter " + parameter.getKey() + " is repeated";
            }
            // Camel turns headers into the same message headers as parameters: none may shadow a signed one.
            if (!parameter.getKey().equals(CallbackSignature.PARAMETER)
                    && !Collections.list(request.getHeaders(parameter.getKey())).isEmpty()) {
                return "header " + parameter.getKey() + " shadows a signed parameter";
            }
            parameters.put(parameter.getKey(), parameter.getValue()[0]);
        }
        String given = parameters.remove(CallbackSignature.PARAMETER);
        if (given == null) {
            return "the callback is not signed";
        }
        if (!signature.verify(path(request), sagaId, parameters, given)) {
            return "the signature does not match the callback";
        }
        return null;
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
