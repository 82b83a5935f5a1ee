package routes.aws.resources;

import static routes.aws.resources.TerraformStack.blocks;
import static routes.aws.resources.TerraformStack.json;
import static routes.aws.resources.TerraformStack.jsonText;
import static routes.aws.resources.TerraformStack.map;
import static routes.aws.resources.TerraformStack.strings;
import static routes.aws.resources.TerraformStack.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import routes.aws.resources.TableSpec.IndexSpec;
import routes.aws.resources.TableSpec.Key;

/**
 * Every difference between the resources the application creates locally ({@link AwsResources}) and
 * what infra/terraform declares, one sentence each, naming the Terraform resource and the field.
 */
final class TerraformDrift {

    private static final String TABLE = "aws_dynamodb_table";
    private static final String QUEUE = "aws_sqs_queue";

    private final AwsResources app;
    private final TerraformStack terraform;
    private final List<String> differences = new ArrayList<>();

    private TerraformDrift(AwsResources app, TerraformStack terraform) {
        this.app = app;
        this.terraform = terraform;
    }

    static List<String> between(AwsResources app, TerraformStack terraform) {
        TerraformDrift drift = new TerraformDrift(app, terraform);
        drift.compareTables();
        drift.compareTopic();
        drift.compareQueues();
        drift.compareSubscriptions();
        return drift.differences;
    }

    private void compareTables() {
        Map<String, Map<String, Object>> declared = terraform.resources(TABLE);
        Set<String> expectedNames = new HashSet<>();
        for (TableSpec table : app.tables()) {
            expectedNames.add(table.name());
            Optional<Entry<String, Map<String, Object>>> match = named(declared, table.name());
            if (match.isEmpty()) {
                differences.add(TABLE + ": no table named " + table.name());
                continue;
            }
            compareTable(table, TABLE + "." + match.get().getKey(), match.get().getValue());
        }
        declared.forEach((label, block) -> {
            if (!expectedNames.contains(text(block.get("name")))) {
                differences.add(TABLE + "." + label + ": table " + text(block.get("name")) + " is not one the application uses");
            }
        });
    }

    private void compareTable(TableSpec table, String address, Map<String, Object> block) {
        Map<String, String> types = new HashMap<>();
        blocks(block.get("attribute")).forEach(a -> types.put(text(a.get("name")), text(a.get("type"))));
        same(address, "billing_mode", "PAY_PER_REQUEST", block.get("billing_mode"));
        same(address, "point_in_time_recovery.enabled", "true", blocks(block.get("point_in_time_recovery")).stream()
                .findFirst().map(p -> p.get("enabled")).orElse(null));
        compareKey(address, "", table.key(), block, types);

        Map<String, Map<String, Object>> indexes = new LinkedHashMap<>();
        blocks(block.get("global_secondary_index")).forEach(i -> indexes.put(text(i.get("name")), i));
        for (IndexSpec index : table.indexes()) {
            Map<String, Object> declared = indexes.remove(index.name());
            if (declared == null) {
                differences.add(address + ": no global_secondary_index " + index.name());
                continue;
            }
            compareKey(address, "global_secondary_index " + index.name() + " ", index.key(), declared, types);
            same(address, "global_secondary_index " + index.name() + " projection_type", "ALL", declared.get("projection_type"));
        }
        indexes.keySet().forEach(extra -> differences.add(address + ": global_secondary_index " + extra + " is not one the application uses"));

        String stream = Boolean.parseBoolean(text(block.get("stream_enabled"))) ? text(block.get("stream_view_type")) : "none";
        same(address, "stream (stream_enabled, stream_view_type)", table.streamNewImage() ? "NEW_IMAGE" : "none", stream);

        String ttl = blocks(block.get("ttl")).stream()
                .filter(t -> Boolean.parseBoolean(text(t.get("enabled"))))
                .map(t -> text(t.get("attribute_name"))).findFirst().orElse("none");
        same(address, "ttl.attribute_name", Objects.requireNonNullElse(table.ttlAttribute(), "none"), ttl);
    }

    private void compareKey(String address, String where, Key key, Map<String, Object> block, Map<String, String> types) {
        same(address, where + "hash_key", key.hash(), block.get("hash_key"));
        same(address, where + "range_key", Objects.requireNonNullElse(key.range(), "none"),
                Objects.requireNonNullElse(text(block.get("range_key")), "none"));
        same(address, where + "type of attribute " + key.hash(), "S", types.get(key.hash()));
        if (key.range() != null) {
            same(address, where + "type of attribute " + key.range(), key.numericRange() ? "N" : "S", types.get(key.range()));
        }
    }

    private void compareTopic() {
        if (named(terraform.resources("aws_sns_topic"), app.topic()).isEmpty()) {
            differences.add("aws_sns_topic: no topic named " + app.topic());
        }
    }

    private void compareQueues() {
        Map<String, Map<String, Object>> declared = terraform.resources(QUEUE);
        Set<String> expectedNames = new HashSet<>();
        for (QueueSpec queue : app.queues()) {
            expectedNames.add(queue.name());
            expectedNames.add(queue.deadLetterQueue());
            Optional<Entry<String, Map<String, Object>>> match = named(declared, queue.name());
            if (match.isEmpty()) {
                differences.add(QUEUE + ": no queue named " + queue.name() + consumerHint(queue.name()));
                continue;
            }
            String address = QUEUE + "." + match.get().getKey();
            Map<String, Object> block = match.get().getValue();
            same(address, "visibility_timeout_seconds", Long.toString(queue.visibilityTimeout().toSeconds()),
                    block.get("visibility_timeout_seconds"));
            JsonNode redrive = json(block.get("redrive_policy"));
            if (redrive == null) {
                differences.add(address + ": no redrive_policy");
            } else {
                same(address, "redrive_policy.maxReceiveCount", Integer.toString(queue.maxReceiveCount()),
                        jsonText(redrive.get("maxReceiveCount")));
                same(address, "redrive_policy.deadLetterTargetArn (queue name)", queue.deadLetterQueue(),
                        terraform.resolveName(jsonText(redrive.get("deadLetterTargetArn"))));
            }
            named(declared, queue.deadLetterQueue()).ifPresentOrElse(
                    dlq -> same(QUEUE + "." + dlq.getKey(), "message_retention_seconds",
                            Long.toString(queue.deadLetterRetention().toSeconds()), dlq.getValue().get("message_retention_seconds")),
                    () -> differences.add(QUEUE + ": no dead-letter queue named " + queue.deadLetterQueue()));
            compareQueuePolicy(address, match.get().getKey());
        }
        declared.forEach((label, block) -> {
            if (!expectedNames.contains(text(block.get("name")))) {
                differences.add(QUEUE + "." + label + ": queue " + text(block.get("name")) + " is not one the application uses");
            }
        });
    }

    /** Only the topic may send: one statement, sqs:SendMessage, principal sns.amazonaws.com, aws:SourceArn the topic. */
    private void compareQueuePolicy(String queueAddress, String queueLabel) {
        Optional<Map<String, Object>> policy = terraform.resources("aws_sqs_queue_policy").values().stream()
                .filter(p -> terraform.reference(p.get("queue_url"))
                        .filter(ref -> ref.type().equals(QUEUE) && ref.label().equals(queueLabel)).isPresent())
                .findFirst();
        if (policy.isEmpty()) {
            differences.add(queueAddress + ": no aws_sqs_queue_policy");
            return;
        }
        String document = text(policy.get().get("policy")).replaceFirst("^data\\.aws_iam_policy_document\\.", "").replaceFirst("\\.json$", "");
        List<Map<String, Object>> statements = blocks(map(terraform.data("aws_iam_policy_document").get(document)).get("statement"));
        String where = queueAddress + " queue policy (data.aws_iam_policy_document." + document + ")";
        if (statements.size() != 1) {
            differences.add(where + ": has " + statements.size() + " statements, expected one that lets only the topic send");
            return;
        }
        Map<String, Object> statement = statements.get(0);
        same(where, "effect", "Allow", Objects.requireNonNullElse(statement.get("effect"), "Allow"));
        same(where, "actions", "[sqs:SendMessage]", strings(statement.get("actions")).toString());
        same(where, "principals", "Service [sns.amazonaws.com]", blocks(statement.get("principals")).stream()
                .map(p -> text(p.get("type")) + " " + strings(p.get("identifiers"))).toList().toString().replaceAll("^\\[|\\]$", ""));
        List<Map<String, Object>> conditions = blocks(statement.get("condition"));
        boolean topicOnly = conditions.size() == 1
                && "aws:SourceArn".equals(text(conditions.get(0).get("variable")))
                && List.of("ArnEquals", "ArnLike", "StringEquals").contains(text(conditions.get(0).get("test")))
                && strings(conditions.get(0).get("values")).stream().map(terraform::resolveName).toList().equals(List.of(app.topic()));
        if (!topicOnly) {
            differences.add(where + ": condition must be aws:SourceArn equal to the topic " + app.topic() + ", is " + conditions);
        }
    }

    private void compareSubscriptions() {
        Map<String, Map<String, Object>> declared = terraform.resources("aws_sns_topic_subscription");
        Set<String> subscribedQueues = new TreeSet<>();
        for (SubscriptionSpec subscription : app.subscriptions()) {
            subscribedQueues.add(subscription.queue());
            Optional<Entry<String, Map<String, Object>>> match = declared.entrySet().stream()
                    .filter(e -> subscription.queue().equals(terraform.resolveName(e.getValue().get("endpoint"))))
                    .findFirst();
            if (match.isEmpty()) {
                differences.add("aws_sns_topic_subscription: none for queue " + subscription.queue());
                continue;
            }
            String address = "aws_sns_topic_subscription." + match.get().getKey();
            Map<String, Object> block = match.get().getValue();
            same(address, "topic_arn (topic name)", app.topic(), terraform.resolveName(block.get("topic_arn")));
            same(address, "protocol", "sqs", block.get("protocol"));
            same(address, "raw_message_delivery", "true", block.get("raw_message_delivery"));
            JsonNode filter = json(block.get("filter_policy"));
            if (!subscription.filtered()) {
                if (filter != null) {
                    differences.add(address + ": filter_policy " + filter + " but the application's consumer takes every event");
                }
                continue;
            }
            same(address, "filter_policy_scope", "MessageAttributes", block.get("filter_policy_scope"));
            List<String> types = new ArrayList<>();
            JsonNode byType = filter == null ? null : filter.get(AwsResources.EVENT_TYPE_ATTRIBUTE);
            if (byType != null) {
                byType.forEach(t -> types.add(t.asText()));
            }
            same(address, "filter_policy." + AwsResources.EVENT_TYPE_ATTRIBUTE, subscription.eventTypes().toString(),
                    types.stream().sorted().toList().toString());
            if (filter != null && filter.size() != 1) {
                differences.add(address + ": filter_policy matches more than " + AwsResources.EVENT_TYPE_ATTRIBUTE + ": " + filter);
            }
        }
        declared.forEach((label, block) -> {
            if (!subscribedQueues.contains(terraform.resolveName(block.get("endpoint")))) {
                differences.add("aws_sns_topic_subscription." + label + ": subscribes " + terraform.resolveName(block.get("endpoint"))
                        + ", not a queue of the application's consumers");
            }
        });
    }

    /** Why a consumer's queue may be missing: no var.consumers entry for it (queue named after it by default). */
    private String consumerHint(String queue) {
        boolean declared = terraform.consumers().values().stream().anyMatch(c -> c.queue().equals(queue));
        return declared ? "" : ": no entry of var.consumers has it (one entry per consumer of the application, its queue"
                + " by default its name)";
    }

    private void same(String address, String field, String expected, Object declared) {
        String actual = text(declared);
        if (!expected.equals(actual)) {
            differences.add(address + ": " + field + " is " + actual + " in Terraform, " + expected + " in the application");
        }
    }

    private static Optional<Entry<String, Map<String, Object>>> named(Map<String, Map<String, Object>> blocks, String name) {
        return blocks.entrySet().stream().filter(e -> name.equals(text(map(e.getValue()).get("name")))).findFirst();
    }
}
