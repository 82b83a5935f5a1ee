package routes.aws.resources;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import routes.support.EmbeddedAwsTest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.Subscription;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

@EmbeddedAwsTest
class EmbeddedResourcesTest {

    @Autowired DynamoDbClient dynamoDb;
    @Autowired SnsClient sns;
    @Autowired SqsClient sqs;
    @Autowired AwsResources resources;
    @Autowired ResourceNames names;
    @Autowired EventsTopicArn topic;

    @Test
    void everyDeclaredTableExists() {
        List<String> tables = dynamoDb.listTables().tableNames();

        assertThat(tables).contains("orders", "inventory", "payments", "outbox", "inbox", "order_view", "notifications",
                "saga_timeline");
    }

    @Test
    void outboxHasNewImageStreamPendingIndexAndTtl() {
        TableDescription outbox = dynamoDb.describeTable(b -> b.tableName("outbox")).table();

        assertThat(outbox.streamSpecification().streamEnabled()).isTrue();
        assertThat(outbox.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_IMAGE);
        assertThat(outbox.latestStreamArn()).isNotBlank();
        assertThat(outbox.globalSecondaryIndexes()).extracting(g -> g.indexName()).containsExactly("outbox-pending");
        assertThat(ttlOf("outbox")).isEqualTo(TimeToLiveStatus.ENABLED);
    }

    @Test
    void inboxHasTtl() {
        assertThat(ttlOf("inbox")).isEqualTo(TimeToLiveStatus.ENABLED);
    }

    @Test
    void eachConsumerQueueRedrivesToItsDeadLetterQueueAfterFiveReceives() {
        for (String queue : List.of("notification", "order-view")) {
            String dlqArn = attributes(queue + "-dlq").get(QueueAttributeName.QUEUE_ARN);
            String redrive = attributes(queue).get(QueueAttributeName.REDRIVE_POLICY);

            assertThat(redrive).contains(dlqArn).containsPattern("\"maxReceiveCount\":\"?5\"?");
        }
    }

    @Test
    void eachConsumerQueueHidesAReceivedMessageForTheConfiguredVisibilityTimeout() {
        for (String queue : List.of("notification", "order-view")) {
            assertThat(attributes(queue).get(QueueAttributeName.VISIBILITY_TIMEOUT)).as(queue)
                    .isEqualTo(Long.toString(names.visibilityTimeout().toSeconds()));
        }
    }

    @Test
    void bothQueuesAreSubscribedWithRawDeliveryAndOnlyNotificationIsFiltered() {
        Map<String, Map<String, String>> byQueue = subscriptionAttributesByQueue();

        assertThat(byQueue).containsOnlyKeys("notification", "order-view");
        assertThat(byQueue.get("notification")).containsEntry("RawMessageDelivery", "true");
        assertThat(byQueue.get("notification").get("FilterPolicy"))
                .contains("\"type\"").contains("order.confirmed").contains("order.cancelled");
        assertThat(byQueue.get("order-view")).containsEntry("RawMessageDelivery", "true");
        assertThat(byQueue.get("order-view").get("FilterPolicy")).isNull();
    }

    @Test
    void bootstrapRunTwiceChangesNothing() {
        new ResourceBootstrap(resources, dynamoDb, sns, sqs).createAll();

        assertThat(subscriptionAttributesByQueue()).hasSize(2);
        assertThat(sns.listTopics().topics()).filteredOn(t -> t.topicArn().endsWith(":order-events")).hasSize(1);
        assertThat(new ResourceVerifier(resources, dynamoDb, sns, sqs, topic.value()).problems()).isEmpty();
    }

    private TimeToLiveStatus ttlOf(String table) {
        var ttl = dynamoDb.describeTimeToLive(b -> b.tableName(table)).timeToLiveDescription();
        assertThat(ttl.attributeName()).isEqualTo("expiresAt");
        return ttl.timeToLiveStatus();
    }

    private Map<QueueAttributeName, String> attributes(String queue) {
        String url = sqs.getQueueUrl(b -> b.queueName(queue)).queueUrl();
        return sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.ALL)).attributes();
    }

    private Map<String, Map<String, String>> subscriptionAttributesByQueue() {
        String topicArn = sns.createTopic(b -> b.name("order-events")).topicArn();
        return sns.listSubscriptionsByTopic(b -> b.topicArn(topicArn)).subscriptions().stream()
                .collect(java.util.stream.Collectors.toMap(
                        s -> s.endpoint().substring(s.endpoint().lastIndexOf(':') + 1),
                        (Subscription s) -> sns.getSubscriptionAttributes(b -> b.subscriptionArn(s.subscriptionArn()))
                                .attributes()));
    }
}
