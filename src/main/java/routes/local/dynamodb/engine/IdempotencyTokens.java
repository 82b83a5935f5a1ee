package routes.local.dynamodb.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import routes.local.dynamodb.api.DynamoDbException;

/**
 * TransactWriteItems ClientRequestTokens seen in the last 10 minutes: a retry with the same token
 * and request gets the first answer without applying again; a different request with a used token
 * is refused (API Reference, TransactWriteItems "ClientRequestToken"). Guarded by the write lock.
 */
final class IdempotencyTokens {

    static final Duration LIFETIME = Duration.ofMinutes(10);

    private record Used(JsonNode request, ObjectNode response, Instant at) {}

    private final Map<String, Used> used = new LinkedHashMap<>();

    /** The answer to replay for this token, or null when the token is new (or expired). */
    ObjectNode previous(String token, JsonNode request, Instant now) {
        expire(now);
        Used earlier = used.get(token);
        if (earlier == null) {
            return null;
        }
        if (!earlier.request().equals(request)) {
            throw new DynamoDbException("IdempotentParameterMismatchException", 400,
                    "Request parameters do not match idempotent request");
        }
        return earlier.response().deepCopy();
    }

    void remember(String token, JsonNode request, ObjectNode response, Instant now) {
        used.put(token, new Used(request, response.deepCopy(), now));
    }

    private void expire(Instant now) {
        Instant oldest = now.minus(LIFETIME);
        for (Iterator<Used> it = used.values().iterator(); it.hasNext(); ) {
            if (it.next().at().isBefore(oldest)) {
                it.remove();
            } else {
                break;
            }
        }
    }
}
