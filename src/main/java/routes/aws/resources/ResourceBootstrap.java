package routes.aws.resources;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.Subscription;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import routes.aws.resources.TableSpec.Key;

/**
 * Creates the resources of {@link AwsResources} on an emulator, idempotently: a restart, or a second
 * instance starting at the same moment, finds them in place and leaves them as they are.
 */
public class ResourceBootstrap {

    private static final Logger log = LoggerFactory.getLogger(ResourceBootstrap.class);

    private final AwsResources resources;
    private final DynamoDbClient dynamoDb;
    private final SnsClient sns;
    private final SqsClient sqs;

    public ResourceBootstrap(AwsResources resources, DynamoDbClient dynamoDb, SnsClient sns, SqsClient sqs) {
        this.resources = resources;
        this.dynamoDb = dynamoDb;
        this.sns = sns;
        this.sqs = sqs;
    }

    public void createAll() {
        createTables();
        createMessaging();
        log.info("AWS resources in place: {} tables, topic {}, queues {}", resources.tables().size(),
                resources.topic(), resources.queues().stream().map(QueueSpec::name).toList());
    }

    public void createTables() {
        resources.tables().forEach(this::ensureTable);
    }

    /** The topic, the queues with their dead-letter queues, and the subscriptions. */
    public void createMessaging() {
        resources.queues().forEach(this::ensureQueue);
        String topicArn = sns.createTopic(b -> b.name(resources.topic())).topicArn();
        resources.subscriptions().forEach(subscription -> ensureSubscription(topicArn, subscription));
    }

    private void ensureTable(TableSpec table) {
        try {
            dynamoDb.createTable(createTableRequest(table));
            log.info("Created table {}", table.name());
        } catch (ResourceInUseException alreadyThere) {
            log.debug("Table {} exists", table.name());
        }
        dynamoDb.waiter().waitUntilTableExists(b -> b.tableName(table.name()));
        if (table.ttlAttribute() != null) {
            ensureTimeToLive(table);
        }
    }

    private void ensureTimeToLive(TableSpec table) {
        if (timeToLiveOn(table)) {
            return;
        }
        try {
            dynamoDb.updateTimeToLive(b -> b.tableName(table.name())
                    .timeToLiveSpecification(ttl -> ttl.enabled(true).attributeName(table.ttlAttribute())));
        } catch (DynamoDbException e) {
            // Another instance enabled it between our look and our update: DynamoDB says it is already on.
            if (!timeToLiveOn(table)) {
                throw e;
            }
            log.debug("TTL of table {} enabled by another instance", table.name());
        }
    }

    private boolean timeToLiveOn(TableSpec table) {
        TimeToLiveStatus status = dynamoDb.describeTimeToLive(b -> b.tableName(table.name()))
                .timeToLiveDescription().timeToLiveStatus();
        return status == TimeToLiveStatus.ENABLED || status == TimeToLiveStatus.ENABLING;
    }

    static CreateTableRequest createTableRequest(TableSpec table) {
        List<AttributeDefinition> attributes = new ArrayList<>();
        addDefinitions(table.key(), attributes);
        table.indexes().forEach(index -> addDefinitions(index.key(), attributes));
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(table.name())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(keySchema(table.key()))
                .attributeDefinitions(attributes);
        if (!table.indexes().isEmpty()) {
            request.globalSecondaryIndexes(table.indexes().stream()
                    .map(index -> GlobalSecondaryIndex.builder()
                            .indexName(index.name())
                            .keySchema(keySchema(index.key()))
                            .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                            .build())
                    .toList());
        }
        if (table.streamNewImage()) {
            request.streamSpecification(StreamSpecification.builder()
                    .streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE).build());
        }
        return request.build();
    }

    private static List<KeySchemaElement> keySchema(Key key) {
        List<KeySchemaElement> schema = new ArrayList<>();
        schema.add(KeySchemaElement.builder().attributeName(key.hash()).keyType(KeyType.HASH).build());
        if (key.range() != null) {
            schema.add(KeySchemaElement.builder().attributeName(key.range()).keyType(KeyType.RANGE).build());
        }
        return schema;
    }

    private static void addDefinitions(Key key, List<AttributeDefinition> attributes) {
        addDefinition(attributes, key.hash(), ScalarAttributeType.S);
        if (key.range() != null) {
            addDefinition(attributes, key.range(), key.numericRange() ? ScalarAttributeType.N : ScalarAttributeType.S);
        }
    }

    private static void addDefinition(List<AttributeDefinition> attributes, String name, ScalarAttributeType type) {
        if (attributes.stream().noneMatch(a -> a.attributeName().equals(name))) {
            attributes.add(AttributeDefinition.builder().attributeName(name).attributeType(type).build());
        }
    }

    private void ensureQueue(QueueSpec queue) {
        String deadLetterUrl = sqs.createQueue(b -> b.queueName(queue.deadLetterQueue())).queueUrl();
        // Set after creation: CreateQueue with attributes fails on a queue that exists with other ones.
        sqs.setQueueAttributes(b -> b.queueUrl(deadLetterUrl).attributes(Map.of(QueueAttributeName.MESSAGE_RETENTION_PERIOD,
                Long.toString(queue.deadLetterRetention().toSeconds()))));
        String deadLetterArn = queueArn(queue.deadLetterQueue());
        String queueUrl = sqs.createQueue(b -> b.queueName(queue.name())).queueUrl();
        sqs.setQueueAttributes(b -> b.queueUrl(queueUrl).attributes(Map.of(
                QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"%s\",\"maxReceiveCount\":\"%d\"}"
                        .formatted(deadLetterArn, queue.maxReceiveCount()),
                QueueAttributeName.VISIBILITY_TIMEOUT, Long.toString(queue.visibilityTimeout().toSeconds()))));
    }

    private String queueArn(String queueName) {
        String url = sqs.getQueueUrl(b -> b.queueName(queueName)).queueUrl();
        return sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }

    private void ensureSubscription(String topicArn, SubscriptionSpec subscription) {
        String queueArn = queueArn(subscription.queue());
        String subscriptionArn = existingSubscription(topicArn, queueArn)
                .orElseGet(() -> sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(queueArn)
                        .returnSubscriptionArn(true)).subscriptionArn());
        sns.setSubscriptionAttributes(b -> b.subscriptionArn(subscriptionArn)
                .attributeName("RawMessageDelivery").attributeValue("true"));
        if (subscription.filtered()) {
            sns.setSubscriptionAttributes(b -> b.subscriptionArn(subscriptionArn)
                    .attributeName("FilterPolicy").attributeValue(filterPolicy(subscription)));
        }
    }

    private Optional<String> existingSubscription(String topicArn, String queueArn) {
        return sns.listSubscriptionsByTopicPaginator(b -> b.topicArn(topicArn)).subscriptions().stream()
                .filter(s -> queueArn.equals(s.endpoint()))
                .map(Subscription::subscriptionArn)
                .findFirst();
    }

    static String filterPolicy(SubscriptionSpec subscription) {
        String types = subscription.eventTypes().stream().map(t -> "\"" + t + "\"")
                .reduce((a, b) -> a + "," + b).orElse("");
        return "{\"" + AwsResources.EVENT_TYPE_ATTRIBUTE + "\":[" + types + "]}";
    }
}
