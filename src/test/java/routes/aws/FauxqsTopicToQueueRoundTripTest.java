package routes.aws;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import routes.support.FauxqsProcess;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The same round trips on fauxqs, a third-party SNS+SQS emulator, with resources made by our bootstrap. */
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
}
