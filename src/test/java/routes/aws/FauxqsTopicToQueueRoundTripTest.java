package routes.aws;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import routes.support.FauxqsProcess;
import routes.support.LocalAwsClients;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The same round trips on fauxqs, a third-party SNS+SQS emulator, with resources made by our bootstrap. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FauxqsTopicToQueueRoundTripTest extends TopicToQueueRoundTrips {

    private FauxqsProcess fauxqs;
    private SnsClient sns;
    private SqsClient sqs;

    @BeforeAll
    void startFauxqs() {
        fauxqs = FauxqsProcess.start();
        sns = LocalAwsClients.sns(fauxqs.endpoint());
        sqs = LocalAwsClients.sqs(fauxqs.endpoint());
        createMessaging(sns, sqs);
    }

    @AfterAll
    void stopFauxqs() {
        sns.close();
        sqs.close();
        fauxqs.close();
    }

    @Override
    protected SnsClient sns() {
        return sns;
    }

    @Override
    protected SqsClient sqs() {
        return sqs;
    }
}
