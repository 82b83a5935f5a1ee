package routes.local.sns;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP face of the stand-in: parses a Query-protocol request (form POST, or GET as used by the
 * UnsubscribeURL), runs its action and answers with the SNS XML document. Every failure becomes an SNS
 * XML error, never a hang or a stack trace.
 */
final class SnsHttpHandler implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(SnsHttpHandler.class);

    private final QueryRequestParser parser;
    private final Map<String, SnsAction> actions;

    SnsHttpHandler(QueryRequestParser parser, Map<String, SnsAction> actions) {
        this.parser = parser;
        this.actions = Map.copyOf(actions);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String requestId = UUID.randomUUID().toString();
        String action = "?";
        int status;
        String xml;
        try {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            SnsRequest request = parser.parse(exchange.getRequestURI().getRawQuery(), body);
            action = request.action().orElseThrow(
                    () -> SnsError.sender("MissingAction", "The request must contain the parameter Action."));
            SnsAction handler = actions.get(action);
            if (handler == null) {
                throw SnsError.sender("InvalidAction",
                        "The action " + action + " is not valid for this endpoint (local SNS stand-in).");
            }
            xml = XmlResponseWriter.success(action, handler.handle(request), requestId);
            status = 200;
        } catch (SnsError e) {
            status = e.httpStatus();
            xml = XmlResponseWriter.error(e, requestId);
        } catch (RuntimeException e) {
            log.warn("SNS stand-in failed on {} (request {})", action, requestId, e);
            SnsError error = SnsError.internal("The local SNS stand-in failed: " + e);
            status = error.httpStatus();
            xml = XmlResponseWriter.error(error, requestId);
        }
        log.debug("SNS stand-in {} {} -> {} (request {})", exchange.getRequestMethod(), action, status, requestId);
        respond(exchange, status, xml, requestId);
    }

    private static void respond(HttpExchange exchange, int status, String xml, String requestId) throws IOException {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        try {
            exchange.getResponseHeaders().set("Content-Type", "text/xml");
            exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } finally {
            exchange.close();
        }
    }
}
