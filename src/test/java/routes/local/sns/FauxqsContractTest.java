package routes.local.sns;

import routes.support.FauxqsProcess;

import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The contract against fauxqs, a third-party SNS+SQS emulator, used for both SNS and SQS. */
class FauxqsContractTest extends SnsSqsContract {

    private FauxqsProcess fauxqs;

    @BeforeAll
    void startFauxqs() {
        fauxqs = FauxqsProcess.start();
    }

    @AfterAll
    void stopFauxqs() {
        if (fauxqs != null) {
            fauxqs.close();
        }
    }

    /**
     * fauxqs 1.9.2 differs from AWS here (checked against the SNS developer guide and API reference): it
     * writes "Subject": null into every envelope without a subject, and it lists an unknown topic's
     * subscriptions as an empty list instead of failing with NotFound. The stand-in follows AWS.
     */
    @Override
    protected Set<AwsDeviation> knownDeviations() {
        return Set.of(AwsDeviation.ENVELOPE_SUBJECT_WITHOUT_SUBJECT, AwsDeviation.SUBSCRIPTIONS_OF_UNKNOWN_TOPIC_LISTED);
    }

    @Override
    protected SnsClient sns() {
        return fauxqs.sns();
    }

    @Override
    protected SqsClient sqs() {
        return fauxqs.sqs();
    }
}
