package routes.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import routes.aws.resources.ResourceNames;
import routes.aws.resources.ResourceVerifier;
import routes.support.FauxqsProcess;
import routes.support.ResourceDefaults;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The same round trips on fauxqs, a third-party SNS+SQS emulator, with resources made by our bootstrap;
 * and the queue attributes ElasticMQ does not keep (a dead-letter queue's retention), read back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FauxqsTopicToQueueRoundTripTest extends TopicToQueueRoundTrips {

    private FauxqsProcess fauxqs;

    @BeforeAll
    void startFauxqs() {
        fauxqs = FauxqsProcess.start();
        createMessaging(fauxqs.sns(), fauxqs.sqs());
    }

    @AfterAll
    void stopFauxqs() {
        fauxqs.close();
    }

    @Override
    protected SnsClient sns() {
        return fauxqs.sns();
    }

    @Override
    protected SqsClient sqs() {
        return fauxqs.sqs();
    }

    @Test
    void ourBootstrapKeepsDeadLettersFourteenDaysAndTheVerifierFindsNothingToSay() {
        for (String queue : List.of("notification", "order-view")) {
            assertThat(attributes(queue + "-dlq").get(QueueAttributeName.MESSAGE_RETENTION_PERIOD)).as(queue + "-dlq")
                    .isEqualTo("1209600");
            assertThat(attributes(queue).get(QueueAttributeName.VISIBILITY_TIMEOUT)).as(queue).isEqualTo("30");
        }
        assertThat(new ResourceVerifier(ResourceDefaults.resources(NAMES), null, sns(), sqs(), null).queueProblems()).isEmpty();
    }

    @Test
    void theVerifierNamesADeadLetterQueueKeepingMessagesTheDefaultFourDays() {
        String dlqUrl = sqs().createQueue(b -> b.queueName("four-days-dlq")).queueUrl();
        String dlqArn = sqs().getQueueAttributes(b -> b.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        String url = sqs().createQueue(b -> b.queueName("four-days")).queueUrl();
        sqs().setQueueAttributes(b -> b.queueUrl(url).attributes(Map.of(QueueAttributeName.REDRIVE_POLICY,
                "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"5\"}",
                QueueAttributeName.VISIBILITY_TIMEOUT, "30")));
        ResourceNames fourDays = ResourceDefaults.names(Map.of("queues.notification", "four-days"));

        assertThat(new ResourceVerifier(ResourceDefaults.resources(fourDays), null, sns(), sqs(), null).queueProblems()).containsExactly(
                "SQS queue four-days-dlq keeps messages less than 1209600 s (MessageRetentionPeriod)");
    }

    private Map<QueueAttributeName, String> attributes(String queue) {
        String url = sqs().getQueueUrl(b -> b.queueName(queue)).queueUrl();
        return sqs().getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.ALL)).attributes();
    }
}
