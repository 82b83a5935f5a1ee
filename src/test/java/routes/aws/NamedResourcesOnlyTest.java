package routes.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.component.aws2.ddbstream.Ddb2StreamEndpoint;
import org.apache.camel.component.aws2.sqs.Sqs2Endpoint;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import routes.aws.resources.EventsTopicArn;
import routes.support.EmbeddedAwsTest;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/** The running application finds its stream, queues and topic by name, never by the List* calls IAM cannot scope. */
@EmbeddedAwsTest
class NamedResourcesOnlyTest {

    @Autowired CamelContext camel;
    @Autowired SqsClient sqs;
    @Autowired SnsClient sns;
    @Autowired EventsTopicArn topic;

    @Test
    void theRelayReadsTheOutboxStreamThroughTheClientThatDoesNotList() {
        List<Ddb2StreamEndpoint> relays = camel.getEndpoints().stream()
                .filter(Ddb2StreamEndpoint.class::isInstance).map(Ddb2StreamEndpoint.class::cast).toList();

        assertThat(relays).isNotEmpty().allSatisfy(endpoint ->
                assertThat(endpoint.getConfiguration().getAmazonDynamoDbStreamsClient()).isInstanceOf(StreamsClientWithoutListing.class));
    }

    @Test
    void eachConsumerEndpointCarriesItsQueueUrlFromGetQueueUrl() {
        List<Sqs2Endpoint> consumers = camel.getEndpoints().stream()
                .filter(Sqs2Endpoint.class::isInstance).map(Sqs2Endpoint.class::cast).toList();

        assertThat(consumers).extracting(endpoint -> endpoint.getConfiguration().getQueueName())
                .contains("notification", "order-view");
        assertThat(consumers).allSatisfy(endpoint -> assertThat(endpoint.getConfiguration().getQueueUrl())
                .isEqualTo(sqs.getQueueUrl(b -> b.queueName(endpoint.getConfiguration().getQueueName())).queueUrl()));
    }

    @Test
    void aQueueUrlPlaceholderOfAMissingQueueFailsNamingIt() {
        assertThatThrownBy(() -> camel.resolvePropertyPlaceholders("{{queue-url:no-such-queue}}"))
                .hasMessageContaining("SQS queue no-such-queue does not exist").hasRootCauseInstanceOf(QueueDoesNotExistException.class);
    }

    @Test
    void theBuiltTopicArnIsTheOneTheSnsStandInGaveTheTopic() {
        String created = sns.createTopic(b -> b.name("order-events")).topicArn();

        assertThat(topic.value()).isEqualTo(created);
        assertThat(sns.getTopicAttributes(b -> b.topicArn(topic.value())).attributes()).containsEntry("TopicArn", created);
    }
}
