package routes.aws;

import java.util.List;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import routes.support.EmbeddedAwsTest;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The round trips on the embedded SNS stand-in and ElasticMQ, with the resources the application created. */
@EmbeddedAwsTest
class EmbeddedTopicToQueueRoundTripTest extends TopicToQueueRoundTrips {

    static final List<String> CONSUMERS = List.of("notification-send", "order-view-update");

    @Autowired SnsClient sns;
    @Autowired SqsClient sqs;
    @Autowired CamelContext camel;

    // The application's consumers would take (and dead-letter) these test messages first.
    @BeforeEach
    void pauseTheConsumers() throws Exception {
        for (String route : CONSUMERS) {
            camel.getRouteController().stopRoute(route);
        }
    }

    @AfterEach
    void resumeTheConsumers() throws Exception {
        for (String route : CONSUMERS) {
            camel.getRouteController().startRoute(route);
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
}
