package routes.aws.resources;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import com.bertramlabs.plugins.hcl4j.HCLParserException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The Terraform text with {@code for_each = var.consumers} written out, since hcl4j does not evaluate
 * for_each: one copy of such a block per entry of the variable's default, labelled as Terraform
 * addresses it ({@code consumer["notification"]}), and the for-expressions over those resources as
 * map literals. Only the expressions infra/terraform uses are supported; any other use of
 * {@code each} in such a block fails, naming the block.
 */
final class ConsumersForEach {

    private static final Pattern BLOCK = Pattern.compile("(?ms)^(resource|data) \"(\\w+)\" \"(\\w+)\" \\{\\n(.*?)^\\}\\n?");
    private static final Pattern FOR_EACH_LINE = Pattern.compile("(?m)^  for_each\\s*= var\\.consumers\\n\\n?");
    private static final String QUEUE = "coalesce(each.value.queue, each.key)";
    private static final String EVENT_TYPES = "each.value.event_types";
    /** {@code length(each.value.event_types) > 0 ? X : null}: X for a filtered consumer, else null. */
    private static final Pattern IF_FILTERED = Pattern.compile("(?s)length\\(each\\.value\\.event_types\\) > 0 \\? (.+?) : null");
    /** A reference to one instance of a for_each resource: {@code aws_sqs_queue.consumer[each.key].arn}. */
    private static final Pattern INSTANCE = Pattern.compile("((?:data\\.)?aws_\\w+\\.\\w+)\\[(each\\.key|\"[^\"]+\")\\]\\.(\\w+)");
    /** {@code { for name, queue in aws_sqs_queue.consumer : KEY => queue.name }}, KEY {@code name} or {@code "PREFIX${upper(name)}"}. */
    private static final Pattern FOR_MAP = Pattern.compile(
            "\\{ for name, (\\w+) in (aws_\\w+\\.\\w+) : (name|\"(\\w*)\\$\\{upper\\(name\\)\\}\") => \\1\\.(\\w+) \\}");
    /** {@code merge({...\n  }, {...\n  })} of two map literals (the second one a FOR_MAP's), as one. */
    private static final Pattern MERGE = Pattern.compile("(?s)merge\\(\\{(.*?)\\n  \\}, \\{(.*?)\\n  \\}\\)");
    private static final Pattern CONSUMERS_VARIABLE = Pattern.compile("(?ms)^variable \"consumers\" \\{\\n.*?^\\}");
    private static final Set<String> FIELDS = Set.of("queue", "event_types");

    /** A consumer as the variable's default declares it. */
    record Consumer(String name, String queue, List<String> eventTypes) {}

    private final Map<String, Consumer> consumers;

    private ConsumersForEach(Map<String, Consumer> consumers) {
        this.consumers = consumers;
    }

    /** The default of {@code variable "consumers"}, parsed alone: hcl4j cannot parse a for-expression as a map value. */
    static ConsumersForEach in(String hcl) throws HCLParserException, IOException {
        Matcher variable = CONSUMERS_VARIABLE.matcher(hcl);
        if (!variable.find()) {
            throw new IllegalStateException("infra/terraform: no variable \"consumers\" (consumer name -> queue, event_types)");
        }
        Map<String, Object> parsed = TerraformStack.map(new HCLParser().parse(variable.group()).get("variable"));
        Map<String, Consumer> consumers = new LinkedHashMap<>();
        TerraformStack.map(TerraformStack.map(parsed.get("consumers")).get("default")).forEach((name, value) -> {
            Map<String, Object> fields = TerraformStack.map(value);
            fields.keySet().stream().filter(field -> !FIELDS.contains(field)).findFirst().ifPresent(field -> {
                throw new IllegalStateException("var.consumers[\"" + name + "\"]." + field + ": the drift test knows only " + FIELDS);
            });
            String queue = TerraformStack.text(fields.get("queue"));
            consumers.put(name, new Consumer(name, queue == null ? name : queue, TerraformStack.strings(fields.get("event_types"))));
        });
        return new ConsumersForEach(consumers);
    }

    Map<String, Consumer> consumers() {
        return consumers;
    }

    String expand(String hcl) {
        Matcher block = BLOCK.matcher(hcl);
        StringBuilder expanded = new StringBuilder();
        while (block.find()) {
            String text = block.group();
            if (FOR_EACH_LINE.matcher(block.group(4)).find()) {
                text = consumers.values().stream().map(consumer -> instance(block, consumer)).collect(Collectors.joining("\n"));
            }
            block.appendReplacement(expanded, Matcher.quoteReplacement(text));
        }
        block.appendTail(expanded);
        return MERGE.matcher(forMaps(expanded.toString())).replaceAll("{$1$2\n  }");
    }

    /** One copy of a for_each block for one consumer. */
    private String instance(Matcher block, Consumer consumer) {
        String address = block.group(2) + "." + block.group(3);
        String body = FOR_EACH_LINE.matcher(block.group(4)).replaceFirst("")
                .replace("${" + QUEUE + "}", consumer.queue())
                .replace(QUEUE, quoted(consumer.queue()));
        body = IF_FILTERED.matcher(body).replaceAll(m -> Matcher.quoteReplacement(consumer.eventTypes().isEmpty() ? "null" : m.group(1)));
        body = body.replace(EVENT_TYPES, consumer.eventTypes().stream().map(ConsumersForEach::quoted)
                .collect(Collectors.joining(", ", "[", "]")));
        body = INSTANCE.matcher(body).replaceAll(m -> Matcher.quoteReplacement(quoted(m.group(1) + "[\"" + key(m.group(2), consumer)
                + "\"]." + m.group(3))));
        if (body.contains("each.")) {
            String line = body.lines().filter(l -> l.contains("each.")).findFirst().orElseThrow().trim();
            throw new IllegalStateException(address + ": the drift test cannot expand \"" + line + "\" (it knows each.key in "
                    + "[each.key], " + QUEUE + ", " + EVENT_TYPES + " and length(" + EVENT_TYPES + ") > 0 ? ... : null)");
        }
        return block.group(1) + " \"" + block.group(2) + "\" " + quoted(block.group(3) + "[\"" + consumer.name() + "\"]")
                + " {\n" + body + "}\n";
    }

    /** The for-expressions over a for_each resource, as map literals of its instances' references. */
    private String forMaps(String hcl) {
        return FOR_MAP.matcher(hcl).replaceAll(m -> {
            List<String> entries = new ArrayList<>();
            consumers.keySet().forEach(name -> {
                String key = m.group(4) == null ? name : m.group(4) + name.toUpperCase();
                entries.add("    " + quoted(key) + " = " + quoted(m.group(2) + "[\"" + name + "\"]." + m.group(5)));
            });
            return Matcher.quoteReplacement("{\n" + String.join("\n", entries) + "\n  }");
        });
    }

    private static String key(String key, Consumer consumer) {
        return key.equals("each.key") ? consumer.name() : key.substring(1, key.length() - 1);
    }

    /** An HCL string literal. */
    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
