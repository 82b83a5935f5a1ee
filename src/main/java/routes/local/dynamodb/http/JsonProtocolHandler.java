package routes.local.dynamodb.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import routes.local.dynamodb.api.Action;
import routes.local.dynamodb.api.DynamoDbException;

/**
 * The AWS JSON 1.0 protocol: POST / with {@code X-Amz-Target: DynamoDB_20120810.<Op>} (or
 * {@code DynamoDBStreams_20120810.<Op>}), answered 200 with a JSON body or with AWS's error shape.
 * Signatures are not checked; no stack trace ever reaches the client.
 */
final class JsonProtocolHandler implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(JsonProtocolHandler.class);
    private static final String DYNAMODB = "DynamoDB_20120810.";
    private static final String STREAMS = "DynamoDBStreams_20120810.";
    private static final byte[] HEALTHY = "healthy: dynamodb".getBytes(StandardCharsets.UTF_8);
    // AWS's largest request (a BatchWriteItem) is 16 MB; a bigger body is refused before it fills the heap.
    static final int MAX_REQUEST_BYTES = 16 * 1024 * 1024;

    private final ObjectMapper mapper;
    private final Map<String, Action> actions;
    private final AtomicLong requestIds = new AtomicLong();

    JsonProtocolHandler(ObjectMapper mapper, Map<String, Action> actions) {
        this.mapper = mapper;
        this.actions = actions;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(MAX_REQUEST_BYTES + 1);
            }
            if (body.length > MAX_REQUEST_BYTES) {
                DynamoDbException tooLarge = new DynamoDbException("RequestEntityTooLarge", 413,
                        "Request must be smaller than " + MAX_REQUEST_BYTES + " bytes");
                send(exchange, tooLarge.status(), "application/x-amz-json-1.0", mapper.writeValueAsBytes(errorBody(tooLarge)));
                return;
            }
            if ("GET".equals(exchange.getRequestMethod())) {
                send(exchange, 200, "text/plain", HEALTHY);
                return;
            }
            int status = 200;
            byte[] answer;
            try {
                answer = mapper.writeValueAsBytes(dispatch(exchange.getRequestHeaders(), body));
            } catch (DynamoDbException e) {
                status = e.status();
                answer = mapper.writeValueAsBytes(errorBody(e));
            } catch (RuntimeException | JsonProcessingException e) {
                log.error("DynamoDB emulator failed on {}", exchange.getRequestHeaders().getFirst("X-Amz-Target"), e);
                DynamoDbException internal = DynamoDbException.internal("Internal server error");
                status = internal.status();
                answer = mapper.writeValueAsBytes(errorBody(internal));
            }
            send(exchange, status, "application/x-amz-json-1.0", answer);
        }
    }

    private ObjectNode dispatch(Headers headers, byte[] body) {
        String target = headers.getFirst("X-Amz-Target");
        String operation = operation(target);
        Action action = operation == null ? null : actions.get(operation);
        if (action == null) {
            throw DynamoDbException.unknownOperation(target == null ? "" : target);
        }
        JsonNode request;
        try {
            request = body.length == 0 ? mapper.createObjectNode() : mapper.readTree(body);
        } catch (IOException e) {
            throw DynamoDbException.serialization("Could not parse the request body as JSON");
        }
        if (request == null || !request.isObject()) {
            throw DynamoDbException.serialization("The request body must be a JSON object");
        }
        return action.handle(request);
    }

    private static String operation(String target) {
        if (target == null) {
            return null;
        }
        if (target.startsWith(DYNAMODB)) {
            return target.substring(DYNAMODB.length());
        }
        if (target.startsWith(STREAMS)) {
            return target.substring(STREAMS.length());
        }
        return null;
    }

    private ObjectNode errorBody(DynamoDbException e) {
        ObjectNode error = mapper.createObjectNode();
        error.put("__type", e.type());
        error.put("message", e.getMessage());
        if (e.extra() != null) {
            error.setAll(e.extra());
        }
        return error;
    }

    private void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", contentType);
        headers.set("x-amzn-RequestId", Long.toString(requestIds.incrementAndGet()));
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
