package routes.aws.resources;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.SnsException;
import software.amazon.awssdk.services.sns.model.Subscription;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * Checks that every resource of {@link AwsResources} exists with the attributes the flows rely on.
 * In aws mode the application creates nothing and refuses to start while this finds problems. Every
 * call names its resource (no listing): IAM scopes them all to the application's resources, but for
 * GetSubscriptionAttributes, which it does not scope; without it the subscriptions' raw delivery and
 * filter are left to infra/'s drift test.
 */
public class ResourceVerifier {

    private static final Logger LOG = LoggerFactory.getLogger(ResourceVerifier.class);

    private final AwsResources resources;
    private final DynamoDbClient dynamoDb;
    private final SnsClient sns;
    private final SqsClient sqs;
    private final String topicArn;
    private boolean subscriptionAttributesRefused;

    public ResourceVerifier(AwsResources resources, DynamoDbClient dynamoDb, SnsClient sns, SqsClient sqs, String topicArn) {
        this.resources = resources;
        this.dynamoDb = dynamoDb;
        this.sns = sns;
        this.sqs = sqs;
        this.topicArn = topicArn;
    }

    /** Fails naming every missing or misconfigured resource at once. */
    public void verify() {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("AWS resources missing or misconfigured (create them with infra/): "
                    + String.join("; ", problems));
        }
    }

    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        resources.tables().forEach(table -> checkTable(table, problems));
        problems.addAll(queueProblems());
        if (!topicArn.endsWith(":" + resources.topic())) {
            problems.add("app.resources.topic-arn " + topicArn + " is not the topic app.resources.topic names (" + resources.topic() + ")");
        } else if (!topicExists()) {
            problems.add("SNS topic " + resources.topic() + " does not exist");
        } else {
            resources.subscriptions().forEach(s -> checkSubscription(s, problems));
        }
        return problems;
    }

    /** The consumer queues and their dead-letter queues alone. */
    public List<String> queueProblems() {
        List<String> problems = new ArrayList<>();
        resources.queues().forEach(queue -> checkQueue(queue, problems));
        return problems;
    }

    private void checkTable(TableSpec spec, List<String> problems) {
        TableDescription table;
        try {
            table = dynamoDb.describeTable(b -> b.tableName(spec.name())).table();
        } catch (ResourceNotFoundException e) {
            problems.add("DynamoDB table " + spec.name() + " does not exist");
            return;
        }
        if (spec.streamNewImage() && (table.streamSpecification() == null
                || !Boolean.TRUE.equals(table.streamSpecification().streamEnabled())
                || table.streamSpecification().streamViewType() != StreamViewType.NEW_IMAGE)) {
            problems.add("DynamoDB table " + spec.name() + " has no NEW_IMAGE stream");
        }
        for (TableSpec.IndexSpec index : spec.indexes()) {
            boolean present = table.hasGlobalSecondaryIndexes() && table.globalSecondaryIndexes().stream()
                    .anyMatch(gsi -> gsi.indexName().equals(index.name()));
            if (!present) {
                problems.add("DynamoDB table " + spec.name() + " has no index " + index.name());
            }
        }
        if (spec.ttlAttribute() != null) {
            var ttl = dynamoDb.describeTimeToLive(b -> b.tableName(spec.name())).timeToLiveDescription();
            if (ttl.timeToLiveStatus() != TimeToLiveStatus.ENABLED || !spec.ttlAttribute().equals(ttl.attributeName())) {
                problems.add("DynamoDB table " + spec.name() + " has no TTL on " + spec.ttlAttribute());
            }
        }
    }

    private void checkQueue(QueueSpec spec, List<String> problems) {
        Optional<Map<QueueAttributeName, String>> queue = queueAttributes(spec.name());
        Optional<Map<QueueAttributeName, String>> deadLetterQueue = queueAttributes(spec.deadLetterQueue());
        if (deadLetterQueue.isEmpty()) {
            problems.add("SQS queue " + spec.deadLetterQueue() + " does not exist");
        } else if (keepsLessThan(deadLetterQueue.get(), spec.deadLetterRetention().toSeconds())) {
            problems.add("SQS queue " + spec.deadLetterQueue() + " keeps messages less than "
                    + spec.deadLetterRetention().toSeconds() + " s (MessageRetentionPeriod)");
        }
        if (queue.isEmpty()) {
            problems.add("SQS queue " + spec.name() + " does not exist");
            return;
        }
        if (!queue.get().getOrDefault(QueueAttributeName.REDRIVE_POLICY, "").contains(":" + spec.deadLetterQueue() + "\"")) {
            problems.add("SQS queue " + spec.name() + " has no redrive policy to " + spec.deadLetterQueue());
        }
        if (seconds(queue.get(), QueueAttributeName.VISIBILITY_TIMEOUT) < spec.visibilityTimeout().toSeconds()) {
            problems.add("SQS queue " + spec.name() + " has a visibility timeout shorter than app.resources.visibility-timeout ("
                    + spec.visibilityTimeout().toSeconds() + " s)");
        }
    }

    // SQS always reports the retention; an emulator that does not (ElasticMQ) keeps messages until deleted.
    private static boolean keepsLessThan(Map<QueueAttributeName, String> attributes, long seconds) {
        String retention = attributes.get(QueueAttributeName.MESSAGE_RETENTION_PERIOD);
        return retention != null && Long.parseLong(retention) < seconds;
    }

    private static long seconds(Map<QueueAttributeName, String> attributes, QueueAttributeName name) {
        String value = attributes.get(name);
        return value == null ? 0 : Long.parseLong(value);
    }

    private Optional<Map<QueueAttributeName, String>> queueAttributes(String name) {
        try {
            String url = sqs.getQueueUrl(b -> b.queueName(name)).queueUrl();
            return Optional.of(sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.ALL))
                    .attributes());
        } catch (QueueDoesNotExistException e) {
            return Optional.empty();
        }
    }

    private boolean topicExists() {
        try {
            sns.getTopicAttributes(b -> b.topicArn(topicArn));
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private void checkSubscription(SubscriptionSpec spec, List<String> problems) {
        Optional<Subscription> subscription = sns.listSubscriptionsByTopicPaginator(b -> b.topicArn(topicArn))
                .subscriptions().stream()
                .filter(s -> "sqs".equals(s.protocol()) && s.endpoint().endsWith(":" + spec.queue()))
                .findFirst();
        if (subscription.isEmpty()) {
            problems.add("SQS queue " + spec.queue() + " is not subscribed to " + resources.topic());
            return;
        }
        Optional<Map<String, String>> read = subscriptionAttributes(subscription.get());
        if (read.isEmpty()) {
            return;
        }
        Map<String, String> attributes = read.get();
        if (!"true".equalsIgnoreCase(attributes.get("RawMessageDelivery"))) {
            problems.add("subscription of " + spec.queue() + " has no raw message delivery");
        }
        if (spec.filtered() && !attributes.getOrDefault("FilterPolicy", "").contains(spec.eventTypes().get(0))) {
            problems.add("subscription of " + spec.queue() + " has no filter policy on " + AwsResources.EVENT_TYPE_ATTRIBUTE);
        }
    }

    private Optional<Map<String, String>> subscriptionAttributes(Subscription subscription) {
        if (subscriptionAttributesRefused) {
            return Optional.empty();
        }
        try {
            return Optional.of(sns.getSubscriptionAttributes(b -> b.subscriptionArn(subscription.subscriptionArn())).attributes());
        } catch (SnsException e) {
            if (e.statusCode() != 403) {
                throw e;
            }
            subscriptionAttributesRefused = true;
            LOG.warn("Not checking the subscriptions' raw delivery and filter policies: sns:GetSubscriptionAttributes is not "
                    + "granted (IAM allows it only on Resource \"*\"); infra/'s TerraformDriftTest checks them ({})", e.getMessage());
            return Optional.empty();
        }
    }
}
