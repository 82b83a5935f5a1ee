package routes.local.sns;

import routes.support.FauxqsProcess;
import routes.support.LocalAwsClients;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The contract against the embedded mode's pair: the SNS stand-in delivering into in-process ElasticMQ. */
class SnsStandInContractTest extends SnsSqsContract {

    private ElasticMqForTests elasticMq;
    private SqsClient sqs;
    private SnsStandIn standIn;
    private SnsClient sns;

    @BeforeAll
    void startEmulators() {
        elasticMq = ElasticMqForTests.start();
        sqs = LocalAwsClients.sqs(elasticMq.endpoint());
        standIn = new SnsStandIn(new SnsStandInSettings("127.0.0.1", 0, "us-east-1", ElasticMqForTests.ACCOUNT_ID, null), sqs);
        standIn.start();
        sns = LocalAwsClients.sns(standIn.endpoint());
    }

    @AfterAll
    void stopEmulators() {
        if (sns != null) {
            sns.close();
        }
        if (standIn != null) {
            standIn.close();
        }
        if (sqs != null) {
            sqs.close();
        }
        if (elasticMq != null) {
            elasticMq.close();
        }
    }

    @Override
    protected SnsClient sns() {
        return sns;
    }

    @Override
    protected SqsClient sqs() {
        return sqs;
    }

    @Test
    void elasticMqQueueArnsUseTheEmbeddedRegionAndAccount() {
        TestQueue queue = createQueue("arn-format");

        assertThat(queue.arn()).matches("arn:aws:sqs:us-east-1:000000000000:arn-format-[0-9a-f]{8}");
    }
}
