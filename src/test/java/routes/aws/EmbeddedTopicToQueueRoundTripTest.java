package routes.aws;

import org.springframework.beans.factory.annotation.Autowired;
import routes.support.EmbeddedAwsTest;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The round trips on the embedded SNS stand-in and ElasticMQ, with the resources the application created. */
@EmbeddedAwsTest
class EmbeddedTopicToQueueRoundTripTest extends TopicToQueueRoundTrips {

    @Autowired SnsClient sns;
    @Autowired SqsClient sqs;

    @Override
    protected SnsClient sns() {
        return sns;
    }

    @Override
    protected SqsClient sqs() {
        return sqs;
    }
}
