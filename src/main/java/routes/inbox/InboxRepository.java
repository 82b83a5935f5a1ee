package routes.inbox;

import static routes.aws.DynamoValues.n;
import static routes.aws.DynamoValues.s;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import routes.aws.resources.AwsResources;
import routes.aws.resources.ResourceNames;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * The inbox: a Camel {@link IdempotentRepository} on the DynamoDB {@code inbox} table (Camel ships
 * none), keyed by consumer and CloudEvent id. Two phases, like AWS Lambda Powertools' idempotency:
 * <ul>
 * <li>{@link #claim} claims the key IN_PROGRESS with a lease and a token of its own, by a conditional
 * put. No token means the event was processed already (a duplicate to drop). A claim another
 * delivery holds and whose lease has not run out is neither: that delivery is deferred until the
 * lease ends, so it can take over if the holder died.</li>
 * <li>{@link #confirm} marks it COMPLETED with a TTL; {@link #release} (a failure) deletes it so the
 * redelivery can run. Both act only while the claim is still the caller's: a delivery whose lease ran
 * out and was taken over changes nothing.</li>
 * </ul>
 * Camel's idempotent consumer keeps the token on the exchange between claim and confirm or release.
 */
@Component
public class InboxRepository extends ServiceSupport implements IdempotentRepository {

    static final String IN_PROGRESS = "IN_PROGRESS";
    static final String COMPLETED = "COMPLETED";
    /** Exchange property (suffixed with the key) holding the token of the exchange's claim. */
    static final String CLAIM_TOKEN = "inboxClaimToken#";
    private static final Logger log = LoggerFactory.getLogger(InboxRepository.class);

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final InboxProperties settings;
    private final Clock clock;

    public InboxRepository(DynamoDbClient dynamoDb, ResourceNames names, InboxProperties settings, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.table = names.inboxTable();
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Claims the key for one delivery: its token, or null when the event was processed already.
     * Throws {@link DeferredEventException} while another delivery's claim holds.
     */
    public String claim(String key) {
        Instant now = clock.instant();
        String token = UUID.randomUUID().toString();
        try {
            dynamoDb.putItem(b -> b.tableName(table)
                    .item(Map.of("inboxKey", s(key), "status", s(IN_PROGRESS), "claimToken", s(token),
                            "leaseUntil", n(now.plus(settings.lease()).toEpochMilli()),
                            AwsResources.TTL_ATTRIBUTE, n(now.plus(settings.retention()).getEpochSecond())))
                    // New, or a claim whose holder let its lease run out (it crashed or hangs).
                    .conditionExpression("attribute_not_exists(inboxKey) OR (#status = :inProgress AND leaseUntil < :now)")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":inProgress", s(IN_PROGRESS), ":now", n(now.toEpochMilli())))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return token;
        } catch (ConditionalCheckFailedException taken) {
            Map<String, AttributeValue> existing = taken.hasItem() ? taken.item() : current(key);
            if (existing != null && existing.containsKey("status") && IN_PROGRESS.equals(existing.get("status").s())) {
                Instant leaseEnd = Instant.ofEpochMilli(Long.parseLong(existing.get("leaseUntil").n()));
                throw new DeferredEventException("event " + key + " is being processed by another delivery (lease until "
                        + leaseEnd + ")", leaseEnd);
            }
            log.debug("Inbox: {} was processed already", key);
            return null;
        }
    }

    /** Marks the key COMPLETED if the claim is still {@code token}'s; false when another delivery took it over. */
    public boolean confirm(String key, String token) {
        Instant now = clock.instant();
        try {
            dynamoDb.putItem(b -> b.tableName(table).item(Map.of("inboxKey", s(key), "status", s(COMPLETED),
                            "completedAt", n(now.toEpochMilli()),
                            AwsResources.TTL_ATTRIBUTE, n(now.plus(settings.retention()).getEpochSecond())))
                    .conditionExpression("#status = :inProgress AND claimToken = :token")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":inProgress", s(IN_PROGRESS), ":token", s(token))));
            return true;
        } catch (ConditionalCheckFailedException notOurs) {
            log.warn("Inbox: {} was taken over by another delivery after this one's lease ran out; its completion is "
                    + "that delivery's to record", key);
            return false;
        }
    }

    /** Deletes the claim so a redelivery can run, if it is still {@code token}'s; false otherwise. */
    public boolean release(String key, String token) {
        try {
            dynamoDb.deleteItem(b -> b.tableName(table).key(Map.of("inboxKey", s(key)))
                    .conditionExpression("#status = :inProgress AND claimToken = :token")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":inProgress", s(IN_PROGRESS), ":token", s(token))));
            return true;
        } catch (ConditionalCheckFailedException notOurs) {
            log.debug("Inbox: {} is no longer claimed by this delivery; nothing to release", key);
            return false;
        }
    }

    @Override
    public boolean add(Exchange exchange, String key) {
        String token = claim(key);
        if (token == null) {
            return false;
        }
        exchange.setProperty(CLAIM_TOKEN + key, token);
        return true;
    }

    // Camel completes a duplicate (skipDuplicate false) like any exchange: holding no claim, it changes nothing.
    @Override
    public boolean confirm(Exchange exchange, String key) {
        String token = exchange.getProperty(CLAIM_TOKEN + key, String.class);
        return token != null && confirm(key, token);
    }

    @Override
    public boolean remove(Exchange exchange, String key) {
        String token = exchange.getProperty(CLAIM_TOKEN + key, String.class);
        return token != null && release(key, token);
    }

    @Override
    public boolean contains(Exchange exchange, String key) {
        return contains(key);
    }

    @Override
    public boolean contains(String key) {
        return current(key) != null;
    }

    private Map<String, AttributeValue> current(String key) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of("inboxKey", s(key)))).item();
        return item == null || item.isEmpty() ? null : item;
    }

    /** A claim without its token could not be confirmed or released safely: only the exchange-aware calls are offered. */
    @Override
    public boolean add(String key) {
        throw new UnsupportedOperationException("Claim through claim(key) or add(exchange, key): the claim's token is needed");
    }

    @Override
    public boolean confirm(String key) {
        throw new UnsupportedOperationException("Confirm with the claim's token: confirm(key, token) or confirm(exchange, key)");
    }

    @Override
    public boolean remove(String key) {
        throw new UnsupportedOperationException("Release with the claim's token: release(key, token) or remove(exchange, key)");
    }

    /** Forgetting every processed event would let every redelivery through again: not offered. */
    @Override
    public void clear() {
        throw new UnsupportedOperationException("The inbox is not cleared as a whole; its entries expire by TTL");
    }
}
