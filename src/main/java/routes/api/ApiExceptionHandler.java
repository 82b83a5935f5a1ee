package routes.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import routes.saga.SagaBusyException;
import routes.saga.SagaCoordinatorUnavailableException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Every API error as {@code application/problem+json} (RFC 9457) naming the problem, and for bad
 * input the offending field; never a stack trace. Spring's own errors (415, 405, 406…) come
 * through the same format from {@link ResponseEntityExceptionHandler}.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final ApiProperties settings;
    private final CamelNotRunning camelNotRunning;

    public ApiExceptionHandler(ApiProperties settings, CamelNotRunning camelNotRunning) {
        this.settings = settings;
        this.camelNotRunning = camelNotRunning;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
                .sorted((a, b) -> a.get("field").compareTo(b.get("field")))
                .toList();
        Map<String, String> first = errors.get(0);
        ProblemDetail problem = invalid(first.get("field"), first.get("field") + ": " + first.get("message"));
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (causedBy(e, PayloadTooLargeException.class)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                    rootCause(e).getMessage());
            problem.setTitle("Payload too large");
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(problem);
        }
        if (e.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = fieldPath(mismatch.getPath());
            return ResponseEntity.badRequest().body(invalid(field, field + ": must be " + expected(mismatch.getTargetType())));
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            String where = json.getLocation() == null ? "" : " at line " + json.getLocation().getLineNr()
                    + ", column " + json.getLocation().getColumnNr();
            return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Malformed JSON",
                    "The request body is not valid JSON" + where));
        }
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Unreadable request body",
                "The request body is missing or cannot be read as JSON"));
    }

    @ExceptionHandler(InvalidFieldException.class)
    ResponseEntity<ProblemDetail> invalidField(InvalidFieldException e) {
        return ResponseEntity.badRequest().body(invalid(e.field(), e.field() + ": " + e.getMessage()));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage()));
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem(HttpStatus.CONFLICT, "Conflict", e.getMessage()));
    }

    @ExceptionHandler(SdkException.class)
    ResponseEntity<ProblemDetail> awsUnavailable(SdkException e) {
        log.warn("AWS call failed while serving a request: {}", e.toString());
        return unavailable("A backing service did not answer; the request may be retried");
    }

    @ExceptionHandler(SagaBusyException.class)
    ResponseEntity<ProblemDetail> sagasBusy(SagaBusyException e) {
        log.warn("Order refused, no place for its saga: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, e.retryAfter().toSeconds())))
                .body(ServiceUnavailable.problem(e.getMessage() + "; nothing was written, the request may be retried"));
    }

    @ExceptionHandler(SagaCoordinatorUnavailableException.class)
    ResponseEntity<ProblemDetail> coordinatorUnavailable(SagaCoordinatorUnavailableException e) {
        log.warn("Order refused, its saga could not begin: {}", e.getMessage());
        return unavailable("The saga coordinator did not answer; nothing was written, the request may be retried");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (camelNotRunning.explains(e)) {
            log.warn("Request refused while Camel cannot take work: {}", e.toString());
            return unavailable("The application is starting, stopping or saturated; the request may be retried");
        }
        log.error("Request failed", e);
        return ResponseEntity.internalServerError().body(problem(HttpStatus.INTERNAL_SERVER_ERROR,
                "Internal error", "The request could not be completed"));
    }

    private ResponseEntity<ProblemDetail> unavailable(String detail) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, settings.retryAfterSeconds())
                .body(ServiceUnavailable.problem(detail));
    }

    private static ProblemDetail invalid(String field, String detail) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", detail);
        problem.setProperty("field", field);
        return problem;
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("about:blank"));
        return problem;
    }

    /** {@code items[2].quantity}, as the request names it. */
    private static String fieldPath(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : path) {
            if (reference.getFieldName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    /** What a JSON value of the target type looks like, in the words of an API user. */
    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == Integer.class || type == Long.class || type == int.class || type == long.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        return "an object";
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root;
    }
}
