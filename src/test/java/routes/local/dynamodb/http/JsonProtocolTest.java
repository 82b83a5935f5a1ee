package routes.local.dynamodb.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import routes.local.dynamodb.api.Action;
import routes.local.dynamodb.api.DynamoDbException;

/** The AWS JSON 1.0 protocol as the server speaks it, with stand-in actions. */
class JsonProtocolTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static DynamoDbHttpServer server;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        Map<String, Action> actions = Map.of(
                "Echo", request -> JsonNodeFactory.instance.objectNode().set("Echoed", request),
                "Refuse", request -> {
                    var extra = JsonNodeFactory.instance.objectNode();
                    extra.putArray("CancellationReasons").addObject().put("Code", "None");
                    throw new DynamoDbException("TransactionCanceledException", 400, "Transaction cancelled", extra);
                },
                "Crash", request -> {
                    throw new IllegalStateException("secret internals");
                },
                "GetRecords", request -> JsonNodeFactory.instance.objectNode().put("from", "streams"));
        server = DynamoDbHttpServer.start("127.0.0.1", 0, actions);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> post(String target, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.endpoint().resolve("/"))
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=whatever")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (target != null) {
            request.header("X-Amz-Target", target);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void answersWithTheActionsJson() throws Exception {
        HttpResponse<String> response = post("DynamoDB_20120810.Echo", "{\"TableName\":\"t\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.0");
        assertThat(JSON.readTree(response.body()).at("/Echoed/TableName").asText()).isEqualTo("t");
    }

    @Test
    void streamsTargetsReachTheSameActions() throws Exception {
        HttpResponse<String> response = post("DynamoDBStreams_20120810.GetRecords", "{}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("from").asText()).isEqualTo("streams");
    }

    // API Reference, "Common errors": an unknown operation is UnknownOperationException.
    @Test
    void unknownTargetIsUnknownOperation() throws Exception {
        HttpResponse<String> response = post("DynamoDB_20120810.NoSuchThing", "{}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("__type").asText()).endsWith("#UnknownOperationException");
    }

    @Test
    void missingTargetIsUnknownOperation() throws Exception {
        assertThat(JSON.readTree(post(null, "{}").body()).get("__type").asText()).endsWith("#UnknownOperationException");
    }

    @Test
    void malformedJsonIsASerializationError() throws Exception {
        HttpResponse<String> response = post("DynamoDB_20120810.Echo", "{not json");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("__type").asText())
                .isEqualTo("com.amazonaws.dynamodb.v20120810#SerializationException");
    }

    @Test
    void aBodyOverSixteenMegabytesIsRefusedAsTooLarge() throws Exception {
        // API Reference, BatchWriteItem: a request carries at most 16 MB.
        HttpResponse<String> response = post("DynamoDB_20120810.Echo",
                "{\"pad\": \"" + "x".repeat(JsonProtocolHandler.MAX_REQUEST_BYTES) + "\"}");

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(response.body()).get("__type").asText()).endsWith("#RequestEntityTooLarge");
    }

    @Test
    void errorsCarryTheirExtraMembers() throws Exception {
        HttpResponse<String> response = post("DynamoDB_20120810.Refuse", "{}");
        JsonNode body = JSON.readTree(response.body());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(body.get("__type").asText()).isEqualTo("com.amazonaws.dynamodb.v20120810#TransactionCanceledException");
        assertThat(body.get("message").asText()).isEqualTo("Transaction cancelled");
        assertThat(body.at("/CancellationReasons/0/Code").asText()).isEqualTo("None");
    }

    @Test
    void unexpectedFailureIsAnInternalServerErrorWithoutDetails() throws Exception {
        HttpResponse<String> response = post("DynamoDB_20120810.Crash", "{}");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(JSON.readTree(response.body()).get("__type").asText()).endsWith("#InternalServerError");
        assertThat(response.body()).doesNotContain("secret internals").doesNotContain("at routes.");
    }

    @Test
    void getIsAHealthCheck() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.endpoint().resolve("/")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("healthy: dynamodb");
    }

    @Test
    void startingOnATakenPortFails() {
        assertThatThrownBy(() -> DynamoDbHttpServer.start("127.0.0.1", server.endpoint().getPort(), Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot listen");
    }

    @Test
    void bindsTheLoopbackInterfaceOnAFreePort() {
        URI endpoint = server.endpoint();

        assertThat(endpoint.getHost()).isEqualTo("127.0.0.1");
        assertThat(endpoint.getPort()).isPositive();
    }
}
