package routes.local.sns;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parameters of one SNS Query-protocol request, with accessors for the flattened shapes the AWS
 * SDK and CLI send: {@code Attributes.entry.N.key/value}, {@code MessageAttributes.entry.N.Name/Value.*}
 * and {@code PublishBatchRequestEntries.member.N.*}.
 */
final class SnsRequest {

    private static final Pattern INDEXED = Pattern.compile("(\\d+)\\.(.+)");

    private final Map<String, String> parameters;

    SnsRequest(Map<String, String> parameters) {
        this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    Map<String, String> parameters() {
        return parameters;
    }

    Optional<String> action() {
        return optional("Action");
    }

    Optional<String> optional(String name) {
        return Optional.ofNullable(parameters.get(name));
    }

    /** A parameter that must be present and non-empty, else InvalidParameter like SNS. */
    String required(String name) {
        String value = parameters.get(name);
        if (value == null || value.isEmpty()) {
            throw SnsError.invalidParameter("Invalid parameter: " + name + " Reason: no value for required parameter");
        }
        return value;
    }

    /** {@code PREFIX.entry.N.key} / {@code PREFIX.entry.N.value} pairs, in index order. */
    Map<String, String> entries(String prefix) {
        Map<String, String> result = new LinkedHashMap<>();
        indexed(prefix + ".entry.").forEach((index, fields) -> {
            String key = fields.get("key");
            if (key == null || key.isEmpty()) {
                throw SnsError.invalidParameter("Invalid parameter: " + prefix + " Reason: entry " + index + " has no key");
            }
            result.put(key, fields.getOrDefault("value", ""));
        });
        return result;
    }

    /** {@code MessageAttributes.entry.N.Name} with {@code .Value.DataType/StringValue/BinaryValue}, in index order. */
    Map<String, MessageAttribute> messageAttributes() {
        Map<String, MessageAttribute> result = new LinkedHashMap<>();
        indexed("MessageAttributes.entry.").forEach((index, fields) -> {
            String name = fields.get("Name");
            if (name == null || name.isEmpty()) {
                throw SnsError.invalidParameterValue("The message attribute name at position " + index + " is empty.");
            }
            result.put(name, MessageAttribute.of(name, fields.get("Value.DataType"),
                    fields.get("Value.StringValue"), fields.get("Value.BinaryValue")));
        });
        return result;
    }

    /** {@code PREFIX.member.N.*} as one request per member (without the prefix), in index order. */
    List<SnsRequest> members(String prefix) {
        List<SnsRequest> result = new ArrayList<>();
        indexed(prefix + ".member.").values().forEach(fields -> result.add(new SnsRequest(fields)));
        return result;
    }

    private Map<Integer, Map<String, String>> indexed(String prefix) {
        Map<Integer, Map<String, String>> byIndex = new TreeMap<>();
        parameters.forEach((name, value) -> {
            if (!name.startsWith(prefix)) {
                return;
            }
            Matcher matcher = INDEXED.matcher(name.substring(prefix.length()));
            if (matcher.matches()) {
                byIndex.computeIfAbsent(Integer.valueOf(matcher.group(1)), i -> new LinkedHashMap<>())
                        .put(matcher.group(2), value);
            }
        });
        return byIndex;
    }
}
