package routes.explorer;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import routes.api.InvalidFieldException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The opaque {@code next} of a saga listing: the key to resume after, as base64url JSON. Only string
 * keys of the expected names are accepted back, so a token is never more than a position.
 */
final class PageToken {

    static final String FIELD = "next";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_LENGTH = 1024;

    private PageToken() {}

    static String encode(Map<String, AttributeValue> key) {
        Map<String, String> names = key.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().s(), (a, b) -> a, TreeMap::new));
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(names));
        } catch (Exception e) {
            throw new IllegalStateException("A page key could not be written", e);
        }
    }

    /** The key a token holds; a 400 naming {@code next} when it is not a token of a listing with these key names. */
    static Map<String, AttributeValue> decode(String token, Set<String> keyNames) {
        Map<String, Object> key;
        try {
            if (token.length() > MAX_LENGTH) {
                throw new IllegalArgumentException("too long");
            }
            key = JSON.readValue(Base64.getUrlDecoder().decode(token), new TypeReference<Map<String, Object>>() {});
        } catch (Exception e) {
            throw invalid();
        }
        if (key == null || !key.keySet().equals(keyNames)
                || key.values().stream().anyMatch(value -> !(value instanceof String text) || text.isEmpty())) {
            throw invalid();
        }
        return key.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> AttributeValue.fromS((String) e.getValue())));
    }

    static InvalidFieldException invalid() {
        return new InvalidFieldException(FIELD, "is not a page token of this listing: pass back the next of the previous page");
    }
}
