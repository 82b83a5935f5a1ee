package routes.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.ResponseEntity;

/**
 * The served OpenAPI document as the judge of real answers: an answer passes when the document lists its status
 * for the operation, with its content type, a body valid against the schema (JSON Schema 2020-12, as OpenAPI 3.1
 * says) and the headers it promises. It remembers which (operation, status) pairs it saw, so a test can prove
 * the reverse: every status the document claims, the API really answers.
 */
final class OpenApiContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    private final JsonNode document;
    private final SchemaRegistry validators = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final Set<String> exercised = ConcurrentHashMap.newKeySet();

    OpenApiContract(String document) {
        this.document = read(document);
        assertThat(this.document.path("openapi").asText()).startsWith("3.1");
    }

    JsonNode document() {
        return document;
    }

    /** Fails unless {@code answer} is one the document gives for {@code method template}; then remembers it. */
    void check(String method, String template, ResponseEntity<String> answer) {
        String operation = method.toUpperCase() + " " + template;
        String status = String.valueOf(answer.getStatusCode().value());
        JsonNode documented = operation(method, template).path("responses").path(status);
        assertThat(documented.isMissingNode()).as("%s answered %s, which the document does not list: %s", operation,
                status, answer.getBody()).isFalse();
        JsonNode content = documented.path("content");
        if (content.isEmpty()) {
            assertThat(answer.getBody()).as("%s %s has no documented body", operation, status).isNullOrEmpty();
        } else {
            assertThat(answer.getHeaders().getContentType()).as("%s %s content type", operation, status).isNotNull();
            String mediaType = answer.getHeaders().getContentType().getType() + "/"
                    + answer.getHeaders().getContentType().getSubtype();
            JsonNode schema = content.path(mediaType).path("schema");
            assertThat(schema.isMissingNode()).as("%s %s answered %s, documented: %s", operation, status, mediaType,
                    fieldNames(content)).isFalse();
            assertThat(violations(schema, read(answer.getBody()))).as("%s %s body %s", operation, status,
                    answer.getBody()).isEmpty();
        }
        documented.path("headers").fields().forEachRemaining(header -> {
            String value = answer.getHeaders().getFirst(header.getKey());
            assertThat(value).as("%s %s header %s", operation, status, header.getKey()).isNotNull();
            assertThat(violations(header.getValue().path("schema"), headerValue(header.getValue().path("schema"), value)))
                    .as("%s %s header %s: %s", operation, status, header.getKey(), value).isEmpty();
        });
        exercised.add(operation + " " + status);
    }

    /** The schema's complaints about {@code instance}; references resolve inside the document. */
    List<String> violations(JsonNode schema, JsonNode instance) {
        ObjectNode root = JSON.createObjectNode();
        root.putArray("allOf").add(schema);
        // The document's components under the same pointer as in the document, so "#/components/..." resolves.
        root.set("components", document.path("components"));
        return validators.getSchema(root).validate(instance).stream().map(Error::toString).toList();
    }

    JsonNode operation(String method, String template) {
        JsonNode operation = document.path("paths").path(template).path(method.toLowerCase());
        assertThat(operation.isMissingNode()).as("%s %s is not in the document", method, template).isFalse();
        return operation;
    }

    /** Every "METHOD /path status" the document lists. */
    Set<String> documented() {
        Set<String> all = new TreeSet<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            if (METHODS.contains(operation.getKey())) {
                operation.getValue().path("responses").fieldNames().forEachRemaining(status ->
                        all.add(operation.getKey().toUpperCase() + " " + path.getKey() + " " + status));
            }
        }));
        return all;
    }

    Set<String> exercised() {
        return Set.copyOf(exercised);
    }

    /** The examples of an operation's JSON request body, by name. */
    Map<String, JsonNode> requestExamples(String method, String template) {
        Map<String, JsonNode> examples = new java.util.LinkedHashMap<>();
        operation(method, template).path("requestBody").path("content").path("application/json").path("examples")
                .fields().forEachRemaining(example -> examples.put(example.getKey(), example.getValue().path("value")));
        return examples;
    }

    JsonNode requestSchema(String method, String template) {
        return operation(method, template).path("requestBody").path("content").path("application/json").path("schema");
    }

    private static JsonNode headerValue(JsonNode schema, String value) {
        if ("integer".equals(schema.path("type").asText())) {
            try {
                return IntNode.valueOf(Integer.parseInt(value));
            } catch (NumberFormatException notAnInteger) {
                return TextNode.valueOf(value);
            }
        }
        return TextNode.valueOf(value);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON: " + json, e);
        }
    }
}
