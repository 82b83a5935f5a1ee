package routes.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import routes.aws.resources.ResourceNames;
import routes.support.EmbeddedAwsTest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The DynamoDB inbox on the embedded DynamoDB: claim, complete, release, take over, race. */
@EmbeddedAwsTest
class InboxRepositoryTest {

    static final InboxProperties SETTINGS = new InboxProperties(Duration.ofSeconds(60), Duration.ofDays(7), 3, 4,
            Duration.ofSeconds(1), Duration.ofSeconds(20), 5, 200);

    @Autowired DynamoDbClient dynamoDb;

    final String key = "test#" + UUID.randomUUID();

    InboxRepository inboxAt(Instant now) {
        return new InboxRepository(dynamoDb, ResourceNames.defaults(), SETTINGS, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void aNewEventIsClaimedOnceAndAfterCompletionIsADuplicate() {
        InboxRepository inbox = inboxAt(Instant.now());

        assertThat(inbox.add(key)).isTrue();
        assertThat(inbox.confirm(key)).isTrue();

        assertThat(inbox.add(key)).as("processed: a duplicate").isFalse();
        assertThat(inbox.contains(key)).isTrue();
    }

    @Test
    void aClaimHeldByAnotherDeliveryDefersThisOne() {
        InboxRepository inbox = inboxAt(Instant.now());
        inbox.add(key);

        assertThatThrownBy(() -> inbox.add(key)).isInstanceOf(DeferredEventException.class);
    }

    @Test
    void aFailureReleasesTheClaimSoTheRedeliveryRuns() {
        InboxRepository inbox = inboxAt(Instant.now());
        inbox.add(key);

        assertThat(inbox.remove(key)).isTrue();

        assertThat(inbox.add(key)).isTrue();
    }

    @Test
    void aCompletedEntryIsNotReleasedByALateFailure() {
        InboxRepository inbox = inboxAt(Instant.now());
        inbox.add(key);
        inbox.confirm(key);

        assertThat(inbox.remove(key)).isFalse();
        assertThat(inbox.add(key)).isFalse();
    }

    @Test
    void aClaimLeftByACrashedConsumerIsTakenOverAfterItsLease() {
        Instant crash = Instant.now();
        inboxAt(crash).add(key);

        assertThatThrownBy(() -> inboxAt(crash.plusSeconds(59)).add(key)).isInstanceOf(DeferredEventException.class);
        assertThat(inboxAt(crash.plusSeconds(61)).add(key)).as("lease ran out").isTrue();
    }

    @Test
    void twoConsumersClaimingTheSameEventAtOnceGetOneClaim() throws Exception {
        InboxRepository inbox = inboxAt(Instant.now());
        ExecutorService consumers = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Callable<String>> claims = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                claims.add(() -> {
                    start.await();
                    try {
                        return inbox.add(key) ? "claimed" : "duplicate";
                    } catch (DeferredEventException held) {
                        return "deferred";
                    }
                });
            }
            List<Future<String>> results = new ArrayList<>();
            claims.forEach(claim -> results.add(consumers.submit(claim)));
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> result : results) {
                outcomes.add(result.get());
            }
            assertThat(outcomes).filteredOn("claimed"::equals).hasSize(1);
            assertThat(outcomes).filteredOn("deferred"::equals).hasSize(7);
        } finally {
            consumers.shutdownNow();
        }
    }
}
