package routes.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import routes.support.EmbeddedAwsTest;
import routes.support.ResourceDefaults;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The DynamoDB inbox on the embedded DynamoDB, with application.yaml's settings: claim, complete, release, take over, race. */
@EmbeddedAwsTest
class InboxRepositoryTest {

    static final InboxProperties SETTINGS = ApplicationDefaults.inbox();

    @Autowired DynamoDbClient dynamoDb;

    final String key = "test#" + UUID.randomUUID();

    InboxRepository inboxAt(Instant now) {
        return new InboxRepository(dynamoDb, ResourceDefaults.names(), SETTINGS, Clock.fixed(now, ZoneOffset.UTC));
    }

    Map<String, AttributeValue> row() {
        return dynamoDb.getItem(b -> b.tableName("inbox").consistentRead(true)
                .key(Map.of("inboxKey", AttributeValue.fromS(key)))).item();
    }

    @Test
    void aNewEventIsClaimedOnceAndAfterCompletionIsADuplicate() {
        InboxRepository inbox = inboxAt(Instant.now());

        String token = inbox.claim(key);
        assertThat(token).isNotNull();
        assertThat(inbox.confirm(key, token)).isTrue();

        assertThat(inbox.claim(key)).as("processed: a duplicate").isNull();
        assertThat(inbox.contains(key)).isTrue();
    }

    @Test
    void aClaimHeldByAnotherDeliveryDefersThisOneUntilItsLeaseEnds() {
        Instant now = Instant.now();
        InboxRepository inbox = inboxAt(now);
        inbox.claim(key);

        assertThatThrownBy(() -> inbox.claim(key)).isInstanceOfSatisfying(DeferredEventException.class,
                deferred -> assertThat(deferred.heldUntil()).contains(Instant.ofEpochMilli(now.plus(SETTINGS.lease()).toEpochMilli())));
    }

    @Test
    void aFailureReleasesTheClaimSoTheRedeliveryRuns() {
        InboxRepository inbox = inboxAt(Instant.now());
        String token = inbox.claim(key);

        assertThat(inbox.release(key, token)).isTrue();

        assertThat(inbox.claim(key)).isNotNull();
    }

    @Test
    void aCompletedEntryIsNotReleasedByALateFailure() {
        InboxRepository inbox = inboxAt(Instant.now());
        String token = inbox.claim(key);
        inbox.confirm(key, token);

        assertThat(inbox.release(key, token)).isFalse();
        assertThat(inbox.claim(key)).isNull();
    }

    @Test
    void aClaimLeftByACrashedConsumerIsTakenOverAfterItsLease() {
        Instant crash = Instant.now();
        inboxAt(crash).claim(key);

        assertThatThrownBy(() -> inboxAt(crash.plus(SETTINGS.lease()).minusSeconds(1)).claim(key))
                .isInstanceOf(DeferredEventException.class);
        assertThat(inboxAt(crash.plus(SETTINGS.lease()).plusSeconds(1)).claim(key)).as("lease ran out").isNotNull();
    }

    @Test
    void aDeliveryWhoseClaimWasTakenOverNeitherReleasesNorCompletesItAndTheTakerCompletes() {
        Instant start = Instant.now();
        Instant afterLease = start.plus(SETTINGS.lease()).plusSeconds(1);
        String tokenA = inboxAt(start).claim(key);
        String tokenB = inboxAt(afterLease).claim(key);
        assertThat(tokenB).as("B took over A's expired claim").isNotNull().isNotEqualTo(tokenA);

        assertThat(inboxAt(afterLease).release(key, tokenA)).as("A's late release").isFalse();
        assertThat(inboxAt(afterLease).confirm(key, tokenA)).as("A's late confirm").isFalse();
        assertThat(row().get("status").s()).isEqualTo(InboxRepository.IN_PROGRESS);
        assertThat(row().get("claimToken").s()).isEqualTo(tokenB);
        assertThatThrownBy(() -> inboxAt(afterLease).claim(key)).as("B's claim still holds")
                .isInstanceOf(DeferredEventException.class);

        assertThat(inboxAt(afterLease).confirm(key, tokenB)).isTrue();
        assertThat(row().get("status").s()).isEqualTo(InboxRepository.COMPLETED);
        assertThat(inboxAt(afterLease).claim(key)).as("processed: a duplicate").isNull();
    }

    @Test
    void camelsIdempotentConsumerCarriesTheClaimOnItsExchange() {
        InboxRepository inbox = inboxAt(Instant.now());
        Exchange first = new DefaultExchange(new DefaultCamelContext());
        Exchange other = new DefaultExchange(new DefaultCamelContext());

        assertThat(inbox.add(first, key)).isTrue();
        assertThat(inbox.confirm(other, key)).as("an exchange without the claim").isFalse();
        assertThat(inbox.remove(other, key)).as("an exchange without the claim").isFalse();
        assertThat(row().get("status").s()).isEqualTo(InboxRepository.IN_PROGRESS);
        assertThat(inbox.confirm(first, key)).isTrue();
        assertThat(inbox.add(other, key)).as("a duplicate").isFalse();
        assertThat(inbox.confirm(other, key)).as("Camel completes a duplicate too: nothing changes").isFalse();
        assertThat(row().get("status").s()).isEqualTo(InboxRepository.COMPLETED);
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
                        return inbox.claim(key) != null ? "claimed" : "duplicate";
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
