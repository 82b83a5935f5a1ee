package routes.local.sns;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns the query string and the form-encoded body of an SNS request into an {@link SnsRequest}.
 * Body parameters win over query parameters of the same name.
 */
final class QueryRequestParser {

    SnsRequest parse(String rawQuery, String formBody) {
        Map<String, String> parameters = new LinkedHashMap<>();
        addPairs(rawQuery, parameters);
        addPairs(formBody, parameters);
        return new SnsRequest(parameters);
    }

    private static void addPairs(String encoded, Map<String, String> parameters) {
        if (encoded == null || encoded.isBlank()) {
            return;
        }
        for (String pair : encoded.strip().split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            parameters.put(decode(name), decode(value));
        }
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw SnsError.sender("MalformedQueryString", "The request is not properly URL-encoded: " + e.getMessage());
        }
    }
}
