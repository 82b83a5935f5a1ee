package routes.aws.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static routes.aws.resources.TerraformStack.blocks;
import static routes.aws.resources.TerraformStack.strings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;
import routes.support.ResourceDefaults;

/**
 * infra/terraform declares what the application's bootstrap creates locally: the same tables, keys,
 * indexes, stream, TTL, queues, redrive, retention, subscriptions and filters ({@link TerraformDrift}),
 * outputs for every configuration key, and an IAM policy without wildcards that grants every call the
 * application makes. No Spring context: application.yaml's defaults and the consumers' declarations.
 */
class TerraformDriftTest {

    private static final Path TERRAFORM = Path.of("infra", "terraform");
    private static final String APPLICATION_POLICY = "application";
    /** Calls IAM authorises only on Resource "*" (Service Authorization Reference). */
    private static final Set<String> UNSCOPABLE = Set.of("dynamodb:ListTables", "dynamodb:ListStreams", "sns:ListTopics",
            "sns:GetSubscriptionAttributes", "sqs:ListQueues");
    /**
     * What Camel's consumers call (read from camel-aws2-ddb and camel-aws2-sqs 4.17.0): aws2-ddbstream's
     * ListStreams(tableName) is answered by StreamsClientWithoutListing with DescribeTable; aws2-sqs is given
     * its queueUrl (QueueUrlFunction: GetQueueUrl), so it does not list queues.
     */
    private static final Set<String> CAMEL_CALLS = Set.of("dynamodb:DescribeTable", "dynamodb:DescribeStream",
            "dynamodb:GetShardIterator", "dynamodb:GetRecords", "sqs:GetQueueUrl", "sqs:ReceiveMessage", "sqs:DeleteMessage");
    /** Asked for, and skipped with a warning when refused: IAM cannot scope it, the drift test checks what it reads. */
    private static final Set<String> OPTIONAL_CALLS = Set.of("sns:GetSubscriptionAttributes");
    private static final Pattern SDK_CALL = Pattern.compile("\\b(dynamoDb|sqs|sns)\\.(\\w+)\\(");

    private static String hcl;
    private static TerraformStack terraform;
    private static ResourceNames names;
    private static AwsResources application;

    @BeforeAll
    static void readBothSides() throws IOException {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.list(TERRAFORM)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".tf")).sorted().toList()) {
                text.append(Files.readString(file)).append('\n');
            }
        }
        hcl = text.toString();
        terraform = TerraformStack.parse(hcl);
        names = namesInApplicationYaml();
        application = new AwsResources(names, ResourceDefaults.CONSUMERS);
    }

    @Test
    void terraformDeclaresWhatTheBootstrapCreates() {
        assertThat(TerraformDrift.between(application, terraform)).isEmpty();
    }

    @Test
    void comparesEveryTableQueueAndSubscriptionOfTheApplication() {
        // Guards the test itself: the comparison found each of them in Terraform by name.
        assertThat(terraform.resources("aws_dynamodb_table")).hasSize(application.tables().size());
        assertThat(terraform.resources("aws_sqs_queue")).hasSize(2 * application.queues().size());
        assertThat(terraform.resources("aws_sns_topic_subscription")).hasSize(application.subscriptions().size());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            outbox range key made a string  | type = "N"                                           | type = "S"                                       | aws_dynamodb_table.outbox: type of attribute aggregateVersion is S
            inventory hash key renamed      | hash_key     = "sku"                                 | hash_key     = "skuId"                           | aws_dynamodb_table.inventory: hash_key is skuId
            orders index renamed            | name            = "orders-pending"                   | name            = "orders-open"                  | aws_dynamodb_table.orders: no global_secondary_index orders-pending
            index projecting keys only      | range_key       = "occurredAt"\\n    projection_type = "ALL" | range_key       = "occurredAt"\\n    projection_type = "KEYS_ONLY" | aws_dynamodb_table.outbox: global_secondary_index outbox-pending projection_type is KEYS_ONLY
            outbox stream with old images   | stream_view_type = "NEW_IMAGE"                       | stream_view_type = "NEW_AND_OLD_IMAGES"          | aws_dynamodb_table.outbox: stream (stream_enabled, stream_view_type) is NEW_AND_OLD_IMAGES
            TTL on another attribute        | ttl_attribute = "expiresAt"                          | ttl_attribute = "expireAt"                       | aws_dynamodb_table.inbox: ttl.attribute_name is expireAt
            timeline table renamed          | default     = "saga_timeline"                        | default     = "timeline"                         | aws_dynamodb_table: no table named saga_timeline
            shorter visibility timeout      | default     = 30\\n                                  | default     = 20\\n                              | aws_sqs_queue.consumer["notification"]: visibility_timeout_seconds is 20
            smaller redrive budget          | default     = 5\\n                                   | default     = 3\\n                               | aws_sqs_queue.consumer["order-view"]: redrive_policy.maxReceiveCount is 3
            redrive to the other DLQ        | deadLetterTargetArn = aws_sqs_queue.dead_letter[each.key].arn | deadLetterTargetArn = aws_sqs_queue.dead_letter["order-view"].arn | aws_sqs_queue.consumer["notification"]: redrive_policy.deadLetterTargetArn (queue name) is order-view-dlq
            DLQ keeping 4 days              | message_retention_seconds = var.dead_letter_retention_seconds | message_retention_seconds = 345600           | aws_sqs_queue.dead_letter["notification"]: message_retention_seconds is 345600
            another DLQ suffix              | default     = "-dlq"                                 | default     = "-dead"                            | aws_sqs_queue: no dead-letter queue named notification-dlq
            subscription without raw        | raw_message_delivery = true                          | raw_message_delivery = false                     | aws_sns_topic_subscription.consumer["order-view"]: raw_message_delivery is false
            filter missing a type           | event_types = ["order.cancelled", "order.confirmed"] | event_types = ["order.confirmed"]                | aws_sns_topic_subscription.consumer["notification"]: filter_policy.type is [order.confirmed]
            wrong event type in consumers   | "order.confirmed"]                                   | "order.shipped"]                                 | aws_sns_topic_subscription.consumer["notification"]: filter_policy.type is [order.cancelled, order.shipped]
            unfiltered consumer filtered    | order-view   = { event_types = [] }                  | order-view   = { event_types = ["order.created"] } | aws_sns_topic_subscription.consumer["order-view"]: filter_policy {"type":["order.created"]} but
            consumer queue renamed          | notification = { event_types                         | notification = { queue = "notify", event_types   | aws_sqs_queue.consumer["notification"]: queue notify is not one the application uses
            filter without its scope        | filter_policy_scope  = length(each.value.event_types) > 0 ? "MessageAttributes" : null | filter_policy_scope  = null | aws_sns_topic_subscription.consumer["notification"]: filter_policy_scope is null
            queue open to any source        | variable = "aws:SourceArn"                           | variable = "aws:SourceAccount"                   | aws_sqs_queue.consumer["notification"] queue policy (data.aws_iam_policy_document.consumer_queue["notification"]): condition
            """)
    void aDriftNamesTheResourceAndTheField(String change, String from, String to, String expected) {
        TerraformStack changed = TerraformStack.parse(replaceFirst(from, to));

        assertThat(TerraformDrift.between(application, changed)).as(change).anyMatch(difference -> difference.startsWith(expected));
    }

    @Test
    void aConsumerOfTheApplicationMissingFromTheConsumersMapIsNamed() {
        // As app.routes.consumers.fraud-tap.event-types=order.cancelled declares one (ConfiguredConsumers).
        List<SubscribedConsumer> consumers = new ArrayList<>(ResourceDefaults.CONSUMERS);
        consumers.add(new DeclaredConsumer("fraud-tap", Set.of("order.cancelled")));

        assertThat(TerraformDrift.between(new AwsResources(names, consumers), terraform)).contains(
                "aws_sqs_queue: no queue named fraud-tap: no entry of var.consumers has it (one entry per consumer of the"
                        + " application, its queue by default its name)",
                "aws_sns_topic_subscription: none for queue fraud-tap");
    }

    @Test
    void aConsumerAddedToTheMapIsWrittenOutOnceForEachForEachBlock() {
        TerraformStack changed = TerraformStack.parse(replaceFirst("order-view   = { event_types = [] }",
                "order-view   = { event_types = [] }\n    fraud-tap    = { queue = \"fraud\", event_types = [\"order.cancelled\"] }"));

        assertThat(changed.resources("aws_sqs_queue")).containsKeys("consumer[\"fraud-tap\"]", "dead_letter[\"fraud-tap\"]");
        assertThat(changed.resolveName("aws_sqs_queue.dead_letter[\"fraud-tap\"].arn")).isEqualTo("fraud-dlq");
        assertThat(TerraformStack.map(changed.outputs().get("app_resources_queues"))).containsEntry("fraud-tap",
                "aws_sqs_queue.consumer[\"fraud-tap\"].name");
        assertThat(TerraformDrift.between(application, changed)).containsExactlyInAnyOrder(
                "aws_sqs_queue.consumer[\"fraud-tap\"]: queue fraud is not one the application uses",
                "aws_sqs_queue.dead_letter[\"fraud-tap\"]: queue fraud-dlq is not one the application uses",
                "aws_sns_topic_subscription.consumer[\"fraud-tap\"]: subscribes fraud, not a queue of the application's consumers");
    }

    @Test
    void anExpressionOfEachTheTestCannotExpandIsNamed() {
        assertThatThrownBy(() -> TerraformStack.parse(replaceFirst("name                       = coalesce(each.value.queue, each.key)",
                "name                       = upper(each.key)")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("aws_sqs_queue.consumer: the drift test cannot expand \"name                       = upper(each.key)\"");
    }

    /** A consumer as app.routes.consumers declares it. */
    private record DeclaredConsumer(String name, Set<String> subscriptionFilter) implements SubscribedConsumer {}

    @Test
    void everyConfigurationKeyHasAnOutputOfItsName() {
        Map<String, String> expected = new TreeMap<>(Map.of(
                "app_aws_region", "us-east-1",
                "app_resources_orders_table", names.ordersTable(),
                "app_resources_inventory_table", names.inventoryTable(),
                "app_resources_payments_table", names.paymentsTable(),
                "app_resources_outbox_table", names.outboxTable(),
                "app_resources_inbox_table", names.inboxTable(),
                "app_resources_order_view_table", names.orderViewTable(),
                "app_resources_notifications_table", names.notificationsTable(),
                "app_resources_timeline_table", names.timelineTable(),
                "app_resources_topic", names.topic()));
        // app.resources.topic-arn: the reference resolves to the name of the topic whose ARN it is.
        expected.put("app_resources_topic_arn", names.topic());
        expected.put("app_resources_dead_letter_suffix", names.deadLetterSuffix());
        expected.put("app_resources_max_receive_count", Integer.toString(names.maxReceiveCount()));
        expected.put("app_resources_visibility_timeout", names.visibilityTimeout().toSeconds() + "s");
        // app.resources.queues, a map: one output of that name, consumer name -> queue.
        Map<String, String> queues = new TreeMap<>();
        ResourceDefaults.CONSUMERS.forEach(consumer -> queues.put(consumer.name(), names.queueOf(consumer.name())));
        expected.put("app_resources_queues", queues.toString());
        // Every ResourceNames component is a key above: a new one fails here until it has its output.
        assertThat(ResourceNames.class.getRecordComponents()).hasSize(13);

        Map<String, String> declared = new TreeMap<>();
        terraform.outputs().forEach((name, value) -> {
            if (!name.startsWith("app_")) {
                return;
            }
            if (value instanceof Map<?, ?> map) {
                Map<String, String> resolved = new TreeMap<>();
                TerraformStack.map(map).forEach((key, item) -> resolved.put(key, terraform.resolveName(item)));
                declared.put(name, resolved.toString());
            } else {
                declared.put(name, terraform.resolveName(value));
            }
        });

        assertThat(declared).isEqualTo(expected);
        assertThat(terraform.outputs().get("app_resources_topic_arn").toString()).contains("aws_sns_topic.events.arn");
    }

    @Test
    void applicationEnvironmentBindsToTheApplicationsNames() {
        Map<String, Object> environment = new TreeMap<>();
        TerraformStack.map(terraform.outputs().get("application_environment"))
                .forEach((name, value) -> environment.put(name, terraform.resolveName(value)));

        MutablePropertySources sources = new MutablePropertySources();
        sources.addFirst(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
        Binder binder = new Binder(ConfigurationPropertySources.from(sources));

        assertThat(binder.bindOrCreate("app.resources", ResourceNames.class)).isEqualTo(names);
        assertThat(binder.bind("app.aws.mode", String.class).get()).isEqualTo("aws");
        assertThat(binder.bind("app.aws.region", String.class).get()).isEqualTo("us-east-1");
        assertThat(binder.bind("app.resources.topic-arn", String.class).get()).isEqualTo(names.topic());
        assertThat(environment).containsEntry("SPRING_PROFILES_ACTIVE", "aws");
    }

    @Test
    void applicationPolicyNamesNoWildcard() {
        assertThat(wildcards(terraform)).isEmpty();
    }

    @Test
    void aWildcardInTheApplicationPolicyIsNamed() {
        TerraformStack changed = TerraformStack.parse(replaceFirst("\"sqs:SendMessage\",", "\"sqs:*\",")
                .replace("resources = [aws_sns_topic.events.arn]", "resources = [\"*\"]"));

        assertThat(wildcards(changed)).containsExactlyInAnyOrder("Queues: action sqs:*", "Topic: resource *");
    }

    @Test
    void thePolicyGrantsEveryCallTheApplicationMakes() throws IOException {
        Set<String> calls = callsOfTheApplication();
        calls.removeAll(OPTIONAL_CALLS);

        assertThat(calls).contains("dynamodb:GetItem", "sns:Publish", "sqs:SendMessage", "sns:GetTopicAttributes")
                .containsAll(CAMEL_CALLS);
        assertThat(actions(terraform, APPLICATION_POLICY)).containsAll(calls);
    }

    @Test
    void theApplicationMakesNoCallIamGrantsOnlyOnEveryResource() throws IOException {
        Set<String> required = new TreeSet<>(UNSCOPABLE);
        required.removeAll(OPTIONAL_CALLS);

        assertThat(callsOfTheApplication()).doesNotContainAnyElementsOf(required);
        assertThat(actions(terraform, APPLICATION_POLICY)).doesNotContainAnyElementsOf(UNSCOPABLE);
        assertThat(terraform.resources("aws_iam_policy")).containsOnlyKeys(APPLICATION_POLICY, "kms");
    }

    @Test
    void theCallScanSeesAListingCall() {
        // Guards the scan itself: a ListQueues written the way the sources write SDK calls is found.
        assertThat(iamActionsIn("var urls = sqs.listQueues(b -> b.queueNamePrefix(\"n\"));")).containsExactly("sqs:ListQueues");
    }

    /** Each AWS SDK call in the application's sources (the local bootstrap aside) as its IAM action, plus Camel's. */
    private static Set<String> callsOfTheApplication() throws IOException {
        Set<String> calls = new TreeSet<>(CAMEL_CALLS);
        Path sources = Path.of("src", "main", "java", "routes");
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String path = file.toString().replace('\\', '/');
                // The emulators and the bootstrap that creates resources on them never run against AWS.
                if (path.contains("/routes/local/") || path.endsWith("ResourceBootstrap.java")) {
                    continue;
                }
                calls.addAll(iamActionsIn(Files.readString(file)));
            }
        }
        return calls;
    }

    private static Set<String> iamActionsIn(String source) {
        Set<String> calls = new TreeSet<>();
        Matcher call = SDK_CALL.matcher(source);
        while (call.find()) {
            iamAction(call.group(1), call.group(2)).ifPresent(calls::add);
        }
        return calls;
    }

    private static Optional<String> iamAction(String client, String method) {
        String service = switch (client) {
            case "dynamoDb" -> "dynamodb";
            default -> client;
        };
        String operation = method.replaceFirst("Paginator$", "");
        return switch (operation) {
            // Authorised per item (Put/Update/Delete/ConditionCheck), each granted on its table.
            case "transactWriteItems", "waiter", "close", "serviceName" -> Optional.empty();
            case "publishBatch" -> Optional.of("sns:Publish");
            default -> Optional.of(service + ":" + Character.toUpperCase(operation.charAt(0)) + operation.substring(1));
        };
    }

    private static List<String> wildcards(TerraformStack stack) {
        List<String> wildcards = new ArrayList<>();
        statements(stack, APPLICATION_POLICY).forEach(statement -> {
            String sid = TerraformStack.text(statement.get("sid"));
            strings(statement.get("actions")).stream().filter(a -> a.contains("*")).forEach(a -> wildcards.add(sid + ": action " + a));
            strings(statement.get("resources")).stream().filter(r -> r.contains("*")).forEach(r -> wildcards.add(sid + ": resource " + r));
            if (statement.containsKey("not_actions") || statement.containsKey("not_resources")) {
                wildcards.add(sid + ": not_actions/not_resources grant everything else");
            }
        });
        return wildcards;
    }

    private static Set<String> actions(TerraformStack stack, String policy) {
        Set<String> actions = new TreeSet<>();
        statements(stack, policy).forEach(statement -> actions.addAll(strings(statement.get("actions"))));
        return actions;
    }

    private static List<Map<String, Object>> statements(TerraformStack stack, String policy) {
        Map<String, Object> document = stack.data("aws_iam_policy_document").get(policy);
        assertThat(document).as("data.aws_iam_policy_document." + policy).isNotNull();
        return blocks(document.get("statement"));
    }

    private static String replaceFirst(String from, String to) {
        String original = from.replace("\\n", "\n");
        assertThat(hcl).as("the Terraform to change").contains(original);
        return hcl.replaceFirst(Pattern.quote(original), Matcher.quoteReplacement(to.replace("\\n", "\n")));
    }

    /** app.resources as application.yaml's default profile sets it (its first document). */
    private static ResourceNames namesInApplicationYaml() throws IOException {
        List<PropertySource<?>> documents = new YamlPropertySourceLoader().load("application.yaml",
                new ClassPathResource("application.yaml"));
        MutablePropertySources sources = new MutablePropertySources();
        sources.addFirst(documents.get(0));
        return new Binder(ConfigurationPropertySources.from(sources)).bindOrCreate("app.resources", ResourceNames.class);
    }
}
