package routes.aws.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import routes.aws.TopicArns;
import routes.support.EmbeddedAwsTest;
import routes.support.ResourceDefaults;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.AuthorizationErrorException;
import software.amazon.awssdk.services.sns.model.GetSubscriptionAttributesRequest;
import software.amazon.awssdk.services.sns.model.GetSubscriptionAttributesResponse;
import software.amazon.awssdk.services.sns.model.GetTopicAttributesRequest;
import software.amazon.awssdk.services.sns.model.GetTopicAttributesResponse;
import software.amazon.awssdk.services.sns.model.ListSubscriptionsByTopicRequest;
import software.amazon.awssdk.services.sns.model.ListSubscriptionsByTopicResponse;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The aws mode's start-up check, pointed at the embedded emulators. */
@EmbeddedAwsTest
class ResourceVerifierTest {

    @Autowired DynamoDbClient dynamoDb;
    @Autowired SnsClient sns;
    @Autowired SqsClient sqs;
    @Autowired TopicArns arns;

    @Test
    void findsNothingMissingOnceTheBootstrapRan() {
        var verifier = new ResourceVerifier(ResourceDefaults.resources(), dynamoDb, sns, sqs, arns.of("order-events"));

        assertThat(verifier.problems()).isEmpty();
    }

    @Test
    void namesEveryMissingResource() {
        ResourceNames elsewhere = ResourceDefaults.names(Map.of("orders-table", "no-orders", "topic", "no-topic",
                "queues.notification", "no-queue"));
        var verifier = new ResourceVerifier(ResourceDefaults.resources(elsewhere), dynamoDb, sns, sqs, arns.of("no-topic"));

        assertThatThrownBy(verifier::verify)
                .hasMessageContaining("DynamoDB table no-orders does not exist")
                .hasMessageContaining("SQS queue no-queue does not exist")
                .hasMessageContaining("SQS queue no-queue-dlq does not exist")
                .hasMessageContaining("SNS topic no-topic does not exist")
                .hasMessageNotContaining("table outbox");
    }

    @Test
    void namesAQueueWhoseVisibilityTimeoutIsShorterThanConfigured() {
        String dlqArn = sqs.getQueueAttributes(b -> b.queueUrl(sqs.createQueue(q -> q.queueName("short-lived-dlq")).queueUrl())
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
        String url = sqs.createQueue(b -> b.queueName("short-lived")).queueUrl();
        sqs.setQueueAttributes(b -> b.queueUrl(url).attributes(Map.of(QueueAttributeName.REDRIVE_POLICY,
                "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"5\"}",
                QueueAttributeName.VISIBILITY_TIMEOUT, "10")));
        ResourceNames shortLived = ResourceDefaults.names(Map.of("queues.notification", "short-lived"));

        assertThat(new ResourceVerifier(ResourceDefaults.resources(shortLived), dynamoDb, sns, sqs, arns.of("order-events")).queueProblems()).containsExactly(
                "SQS queue short-lived has a visibility timeout shorter than app.resources.visibility-timeout (30 s)");
    }

    @Test
    void namesAConfiguredTopicArnOfAnotherTopic() {
        var verifier = new ResourceVerifier(ResourceDefaults.resources(), dynamoDb, sns, sqs, arns.of("other-events"));

        assertThat(verifier.problems()).containsExactly("app.resources.topic-arn " + arns.of("other-events")
                + " is not the topic app.resources.topic names (order-events)");
    }

    @Test
    void namesASubscriptionWithoutRawDeliveryWhenItsAttributesAreReadable() {
        List<String> calls = new ArrayList<>();
        var verifier = new ResourceVerifier(ResourceDefaults.resources(), dynamoDb,
                topicWhoseSubscriptions(calls, false), sqs, arns.of("order-events"));

        assertThat(verifier.problems()).contains("subscription of notification has no raw message delivery",
                "subscription of order-view has no raw message delivery");
        assertThat(calls).filteredOn(call -> call.startsWith("GetSubscriptionAttributes")).hasSize(2);
    }

    @Test
    void withoutGetSubscriptionAttributesChecksTheSubscriptionsExistAndWarnsOnce() {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger logger = (Logger) LoggerFactory.getLogger(ResourceVerifier.class);
        logger.addAppender(log);
        List<String> calls = new ArrayList<>();
        try {
            var verifier = new ResourceVerifier(ResourceDefaults.resources(), dynamoDb,
                    topicWhoseSubscriptions(calls, true), sqs, arns.of("order-events"));

            assertThat(verifier.problems()).isEmpty();
        } finally {
            logger.detachAppender(log);
        }

        assertThat(calls).containsOnlyOnce("GetSubscriptionAttributes").contains("ListSubscriptionsByTopic");
        assertThat(log.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage()).contains("sns:GetSubscriptionAttributes").contains("TerraformDriftTest");
        });
    }

    @Test
    void withoutGetSubscriptionAttributesAMissingSubscriptionIsStillNamed() {
        ResourceNames unsubscribed = ResourceDefaults.names(Map.of("queues.notification", "never-subscribed"));
        var verifier = new ResourceVerifier(ResourceDefaults.resources(unsubscribed), dynamoDb,
                topicWhoseSubscriptions(new ArrayList<>(), true), sqs, arns.of("order-events"));

        assertThat(verifier.problems()).contains("SQS queue never-subscribed is not subscribed to order-events")
                .noneMatch(problem -> problem.startsWith("subscription of"));
    }

    /** The embedded topic and subscriptions, as an SNS that refuses (403) or answers subscription attributes without raw delivery. */
    private SnsClient topicWhoseSubscriptions(List<String> calls, boolean attributesRefused) {
        return new SnsClient() {
            @Override
            public GetTopicAttributesResponse getTopicAttributes(GetTopicAttributesRequest request) {
                calls.add("GetTopicAttributes");
                return sns.getTopicAttributes(request);
            }

            @Override
            public ListSubscriptionsByTopicResponse listSubscriptionsByTopic(ListSubscriptionsByTopicRequest request) {
                calls.add("ListSubscriptionsByTopic");
                return sns.listSubscriptionsByTopic(request);
            }

            @Override
            public GetSubscriptionAttributesResponse getSubscriptionAttributes(GetSubscriptionAttributesRequest request) {
                calls.add("GetSubscriptionAttributes");
                if (attributesRefused) {
                    throw AuthorizationErrorException.builder().statusCode(403).message("not authorized to perform: SNS:GetSubscriptionAttributes")
                            .awsErrorDetails(AwsErrorDetails.builder().errorCode("AuthorizationError").build()).build();
                }
                return GetSubscriptionAttributesResponse.builder().attributes(Map.of("RawMessageDelivery", "false")).build();
            }

            @Override
            public String serviceName() {
                return "sns";
            }

            @Override
            public void close() {}
        };
    }
}
