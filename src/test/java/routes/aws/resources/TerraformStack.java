package routes.aws.resources;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * infra/terraform read as the drift test needs it: hcl4j parses the files and resolves {@code var.*} to
 * the variables' defaults and {@code local.*}; a reference to another resource stays its address
 * ({@code aws_sqs_queue.dead_letter["notification"].arn}), which {@link #resolveName} turns into that resource's name.
 * A block with {@code for_each = var.consumers} is one block per consumer, labelled {@code consumer["notification"]}
 * ({@link ConsumersForEach}). hcl4j reads every number as a double and interpolates it as such ("30.0s"): {@link #text} undoes that.
 */
final class TerraformStack {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern REFERENCE = Pattern.compile("(aws_[a-z0-9_]+)\\.([a-z0-9_]+(?:\\[\"[^\"]+\"\\])?)\\.(name|arn|id|url)");
    private static final Pattern WHOLE_DOUBLE = Pattern.compile("(?<![\\d.])(\\d+)\\.0(?![\\d])");

    private final Map<String, Object> root;
    private final Map<String, ConsumersForEach.Consumer> consumers;

    private TerraformStack(Map<String, Object> root, Map<String, ConsumersForEach.Consumer> consumers) {
        this.root = root;
        this.consumers = consumers;
    }

    static TerraformStack parse(String hcl) {
        try {
            ConsumersForEach forEach = ConsumersForEach.in(hcl);
            return new TerraformStack(new HCLParser().parse(forEach.expand(hcl)), forEach.consumers());
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("hcl4j cannot parse the Terraform: " + e.getMessage(), e);
        }
    }

    /** The default of var.consumers by consumer name; each for_each block over it is one copy per entry. */
    Map<String, ConsumersForEach.Consumer> consumers() {
        return consumers;
    }

    /** The resources of one type by their label (aws_sqs_queue.consumer["notification"]: consumer["notification"]). */
    Map<String, Map<String, Object>> resources(String type) {
        return blocksOf("resource", type);
    }

    /** The data sources of one type by their label. */
    Map<String, Map<String, Object>> data(String type) {
        return blocksOf("data", type);
    }

    /** Output name to its value (references unresolved). */
    Map<String, Object> outputs() {
        Map<String, Object> outputs = new LinkedHashMap<>();
        map(root.get("output")).forEach((name, block) -> outputs.put(name, map(block).get("value")));
        return outputs;
    }

    /** The resource a reference such as {@code aws_sqs_queue.consumer["notification"].arn} points at, if it is one. */
    Optional<Reference> reference(Object value) {
        Matcher matcher = REFERENCE.matcher(text(value));
        return matcher.matches() ? Optional.of(new Reference(matcher.group(1), matcher.group(2))) : Optional.empty();
    }

    /** A value with a reference to a resource's name (or ARN, id, URL) replaced by that resource's name. */
    String resolveName(Object value) {
        return reference(value)
                .map(ref -> text(resources(ref.type()).getOrDefault(ref.label(), Map.of()).get("name")))
                .orElse(text(value));
    }

    /** A jsonencode(...) attribute; hcl4j renders a reference inside it as an object naming it. */
    static JsonNode json(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return JSON.readTree(value.toString());
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + value, e);
        }
    }

    /** The text of a JSON value that may be a reference object ({"name": "aws_x.y.arn", ...}). */
    static String jsonText(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return node.isObject() && node.has("name") ? node.get("name").asText() : text(node.isNumber() ? node.numberValue() : node.asText());
    }

    static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Double number && number == Math.rint(number)) {
            return Long.toString(number.longValue());
        }
        return WHOLE_DOUBLE.matcher(value.toString()).replaceAll("$1");
    }

    /** A nested block that may appear once (a map) or several times (a list of maps). */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> blocks(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(TerraformStack::map).toList();
        }
        return List.of(map(value));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    static List<String> strings(Object value) {
        if (value == null) {
            return List.of();
        }
        List<String> strings = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(item -> strings.add(text(item)));
        } else {
            strings.add(text(value));
        }
        return strings;
    }

    private Map<String, Map<String, Object>> blocksOf(String kind, String type) {
        Map<String, Map<String, Object>> blocks = new LinkedHashMap<>();
        map(map(root.get(kind)).get(type)).forEach((label, block) -> blocks.put(label, map(block)));
        return blocks;
    }

    /** A reference to a resource: its type and label. */
    record Reference(String type, String label) {
        @Override
        public String toString() {
            return type + "." + label;
        }
    }
}
