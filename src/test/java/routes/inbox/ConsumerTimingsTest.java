package routes.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Import;
import routes.aws.resources.ResourceNames;
import routes.support.EmbeddedAwsTest;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The inbox lease against the consumer queues' visibility timeout: as shipped, on the emulator, and misfit. */
@EmbeddedAwsTest
class ConsumerTimingsTest {

    // Not a @Configuration: @SpringBootTest would take a nested one for the test's whole context.
    @EnableConfigurationProperties({InboxProperties.class, ResourceNames.class})
    @Import(ConsumerTimings.class)
    static class TimingsOnly {}

    final ApplicationContextRunner startUp = new ApplicationContextRunner().withUserConfiguration(TimingsOnly.class);

    @Autowired SqsClient sqs;

    @Test
    void theShippedLeaseEndsBeforeTheConsumerQueuesVisibilityTimeoutAsTheEmulatorReportsIt() {
        // The test contexts shorten the lease, not the visibility timeout: the queues carry the shipped one.
        Duration shippedLease = ApplicationDefaults.inbox().lease();
        for (String queue : List.of("notification", "order-view")) {
            String url = sqs.getQueueUrl(b -> b.queueName(queue)).queueUrl();
            long visibility = Long.parseLong(sqs.getQueueAttributes(b -> b.queueUrl(url)
                    .attributeNames(QueueAttributeName.VISIBILITY_TIMEOUT)).attributes().get(QueueAttributeName.VISIBILITY_TIMEOUT));

            assertThat(visibility).as(queue).isEqualTo(ApplicationDefaults.resources().visibilityTimeout().toSeconds());
            assertThat(Duration.ofSeconds(visibility)).as(queue).isGreaterThan(shippedLease);
        }
    }

    @Test
    void theShippedSettingsStartAndOutlastADeliverysInPlaceRetries() {
        assertThat(ConsumerTimings.problems(ApplicationDefaults.inbox(), ApplicationDefaults.resources())).isEmpty();
        assertThat(ApplicationDefaults.inbox().lease()).isGreaterThan(ConsumerTimings.inPlaceRetries(ApplicationDefaults.inbox()));
        startUp.run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void aLeaseNoShorterThanTheVisibilityTimeoutFailsStartUpNamingBothKeys() {
        startUp.withPropertyValues("app.inbox.lease=60s", "app.resources.visibility-timeout=30s").run(context ->
                assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("app.inbox.lease (60 s) must be shorter than app.resources.visibility-timeout (30 s)"));
    }

    @Test
    void aLeaseShorterThanADeliverysInPlaceRetriesFailsStartUp() {
        startUp.withPropertyValues("app.inbox.lease=1s", "app.inbox.transient-retries=5").run(context ->
                assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("app.inbox.lease (1000 ms) must be longer than one delivery's in-place retries"));
    }
}
