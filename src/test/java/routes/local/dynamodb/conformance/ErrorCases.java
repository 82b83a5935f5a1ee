package routes.local.dynamodb.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static routes.local.dynamodb.conformance.Attributes.item;
import static routes.local.dynamodb.conformance.Attributes.s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Errors as AWS answers them (API Reference: Common errors; Error handling with DynamoDB): __type codes,
 * HTTP status, the SDK exception classes. Raw HTTP cases send unsigned requests, which real AWS refuses
 * before reading the operation, so they are skipped there.
 */
abstract class ErrorCases extends ConformanceCases {

    static final ObjectMapper JSON = new ObjectMapper();

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    String table;

    @BeforeAll
    void createErrorTable() {
        table = tables.hashTable("pk", ScalarAttributeType.S);
    }

    /** POSTs a raw JSON 1.0 request the way the SDK would, without signing it. */
    HttpResponse<String> post(String target, String body) throws Exception {
        assumeFalse(target().isRemote(), "real AWS refuses unsigned requests before it reads the operation");
        HttpRequest request = HttpRequest.newBuilder(target().endpoint())
                .timeout(Duration.ofSeconds(2))
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", target)
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/dynamodb/aws4_request, "
                        + "SignedHeaders=host;x-amz-date;x-amz-target, Signature=00")
                .header("X-Amz-Date", "20260101T000000Z")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static String type(HttpResponse<String> response) throws Exception {
        JsonNode body = JSON.readTree(response.body());
        return body.path("__type").asText();
    }

    @Test
    @DisplayName("An unknown operation answers UnknownOperationException with HTTP 400, quickly (API Reference: Common errors)")
    void unknownOperation() throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> response = post("DynamoDB_20120810.NoSuchThing", "{}");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(type(response)).endsWith("#UnknownOperationException");
    }

    @Test
    @DisplayName("A body that is not JSON answers SerializationException with HTTP 400 (API Reference: Common errors)")
    void malformedJson() throws Exception {
        HttpResponse<String> response = post("DynamoDB_20120810.GetItem", "{\"TableName\": ");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(type(response)).endsWith("#SerializationException");
    }

    @Test
    @DisplayName("A member of the wrong JSON type answers SerializationException (API Reference: Common errors)")
    void wrongJsonType() throws Exception {
        HttpResponse<String> response = post("DynamoDB_20120810.GetItem", "{\"TableName\": [1, 2], \"Key\": {}}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(type(response)).endsWith("#SerializationException");
    }

    @Test
    @DisplayName("A request without TableName answers com.amazon.coral.validate#ValidationException, as AWS does for a missing required member (API Reference: Common errors)")
    void missingRequiredMember() throws Exception {
        HttpResponse<String> response = post("DynamoDB_20120810.GetItem", "{\"Key\": {\"pk\": {\"S\": \"x\"}}}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(type(response)).isEqualTo("com.amazon.coral.validate#ValidationException");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/x-amz-json-1.0"));
    }

    @Test
    @DisplayName("A successful raw call answers 200 and the JSON 1.0 content type (API Reference: DynamoDB low-level API)")
    void rawSuccess() throws Exception {
        HttpResponse<String> response = post("DynamoDB_20120810.DescribeTable", "{\"TableName\": \"" + table + "\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("Table").path("TableName").asText()).isEqualTo(table);
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
    }

    @Test
    @DisplayName("A missing table surfaces in the SDK as ResourceNotFoundException, code ResourceNotFoundException, HTTP 400 (API Reference: GetItem, Errors)")
    void resourceNotFoundThroughSdk() {
        var error = failsWith(ResourceNotFoundException.class, "ResourceNotFoundException",
                () -> ddb.getItem(b -> b.tableName(ScratchTables.uniqueName()).key(item("pk", s("x")))));
        assertThat(error.awsErrorDetails().serviceName()).isEqualTo("DynamoDb");
    }

    @Test
    @DisplayName("A ValidationException surfaces as a plain DynamoDbException with code ValidationException, HTTP 400 (API Reference: Common errors)")
    void validationThroughSdk() {
        var error = failsWith(DynamoDbException.class, "ValidationException",
                () -> ddb.getItem(b -> b.tableName(table).key(item("wrong", s("x")))));
        assertThat(error).isExactlyInstanceOf(DynamoDbException.class);
        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("The provided key element does not match the schema");
    }

    @Test
    @DisplayName("A failed condition surfaces as ConditionalCheckFailedException, HTTP 400, not retryable (API Reference: PutItem, Errors)")
    void conditionalCheckThroughSdk() {
        ddb.putItem(b -> b.tableName(table).item(item("pk", s("exists"))));
        var error = failsWith(ConditionalCheckFailedException.class, "ConditionalCheckFailedException",
                () -> ddb.putItem(b -> b.tableName(table).item(item("pk", s("exists"))).conditionExpression("attribute_not_exists(pk)")));
        assertThat(error.retryable()).isFalse();
        assertThat(error.requestId()).isNotBlank();
    }
}
