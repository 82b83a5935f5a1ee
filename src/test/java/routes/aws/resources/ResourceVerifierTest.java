package routes.aws.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import routes.support.EmbeddedAwsTest;
import routes.support.ResourceDefaults;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The aws mode's start-up check, pointed at the embedded emulators. */
@EmbeddedAwsTest
class ResourceVerifierTest {

    @Autowired DynamoDbClient dynamoDb;
    @Autowired SnsClient sns;
    @Autowired SqsClient sqs;

    @Test
    void findsNothingMissingOnceTheBootstrapRan() {
        var verifier = new ResourceVerifier(ResourceDefaults.resources(), dynamoDb, sns, sqs);

        assertThat(verifier.problems()).isEmpty();
    }

    @Test
    void namesEveryMissingResource() {
        ResourceNames elsewhere = ResourceDefaults.names(Map.of("orders-table", "no-orders", "topic", "no-topic",
                "queues.notification", "no-queue"));
        var verifier = new ResourceVerifier(ResourceDefaults.resources(elsewhere), dynamoDb, sns, sqs);

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

        assertThat(new ResourceVerifier(ResourceDefaults.resources(shortLived), dynamoDb, sns, sqs).queueProblems()).containsExactly(
                "SQS queue short-lived has a visibility timeout shorter than app.resources.visibility-timeout (30 s)");
    }
}
