package routes.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.math.BigDecimal;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.HttpHeaders;

/**
 * The answers every {@code /api} operation shares, stated once rather than on each controller method:
 * 503 with Retry-After (not ready, saturated, a backing service away: {@link NotReadyFilter},
 * {@link ApiExceptionHandler}), 413 and 415 where a body is read ({@link RequestSizeLimitFilter}, Spring MVC),
 * and the problem+json shape ({@link ApiExceptionHandler}, {@link ProblemWriter}) of every error response.
 */
final class ProblemResponses implements OpenApiCustomizer {

    static final String PROBLEM = "Problem";
    static final String FIELD_ERROR = "FieldError";
    private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    private final ApiProperties settings;

    ProblemResponses(ApiProperties settings) {
        this.settings = settings;
    }

    @Override
    public void customise(OpenAPI document) {
        document.getComponents().addSchemas(PROBLEM, problemSchema()).addSchemas(FIELD_ERROR, fieldErrorSchema());
        document.getPaths().values().forEach(path -> path.readOperations().forEach(this::shared));
    }

    private void shared(Operation operation) {
        ApiResponses responses = operation.getResponses();
        if (operation.getRequestBody() != null) {
            responses.computeIfAbsent("413", code -> new ApiResponse()
                    .description("The body is over app.api.max-body-size (" + settings.maxBodySize() + ")"));
            responses.computeIfAbsent("415", code -> new ApiResponse()
                    .description("The body is not sent as application/json"));
        }
        responses.computeIfAbsent("503", code -> new ApiResponse().description(
                "Nothing was done: the application is starting or stopping, has no place for another saga, or a "
                        + "backing service did not answer. Send the same request again after Retry-After seconds"));
        responses.get("503").addHeaderObject(HttpHeaders.RETRY_AFTER, new Header()
                .description("Seconds to wait before sending the request again")
                .schema(new IntegerSchema().minimum(BigDecimal.ONE).example(Integer.valueOf(settings.retryAfterSeconds()))));
        responses.forEach((code, response) -> {
            if (code.startsWith("4") || code.startsWith("5")) {
                response.setContent(new Content().addMediaType(PROBLEM_JSON,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
            }
        });
    }

    /** What ProblemDetail serialises to here: RFC 9457's members and, for bad input, the field(s) at fault. */
    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("An error, RFC 9457 problem details")
                .addProperty("type", new StringSchema().format("uri-reference")
                        .description("about:blank: the status and title say what happened"))
                .addProperty("title", new StringSchema().description("Short summary of the problem, e.g. Invalid request"))
                .addProperty("status", new IntegerSchema().description("The HTTP status"))
                .addProperty("detail", new StringSchema().description("What went wrong, for a person"))
                .addProperty("instance", new StringSchema().format("uri-reference")
                        .description("The request path, when the answer comes from a controller"))
                .addProperty("field", new StringSchema()
                        .description("Bad input only: the offending field as the request names it, e.g. items[1].sku"))
                .addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/" + FIELD_ERROR))
                        .description("Failed validation only: every field at fault, sorted by field"))
                .required(List.of("type", "title", "status", "detail"))
                .additionalProperties(Boolean.FALSE);
    }

    private static Schema<?> fieldErrorSchema() {
        return new ObjectSchema()
                .addProperty("field", new StringSchema())
                .addProperty("message", new StringSchema())
                .required(List.of("field", "message"))
                .additionalProperties(Boolean.FALSE);
    }
}
