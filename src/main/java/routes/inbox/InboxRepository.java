package routes.inbox;

import static routes.aws.DynamoValues.n;
import static routes.aws.DynamoValues.s;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
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
 * <li>{@link #add} claims the key IN_PROGRESS with a lease, by a conditional put. False means the
 * event was processed already (a duplicate to drop). A claim another delivery holds and whose lease
 * has not run out is neither: that delivery is deferred, so it can take over if the holder died.</li>
 * <li>{@link #confirm} marks it COMPLETED with a TTL; {@link #remove} (a failure) releases it so the
 * redelivery can run.</li>
 * </ul>
 */
@Component
public class InboxRepository extends ServiceSupport implements IdempotentRepository {

    static final String IN_PROGRESS = "IN_PROGRESS";
    static final String COMPLETED = "COMPLETED";
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

    @Override
    public boolean add(String key) {
        Instant now = clock.instant();
        try {
            dynamoDb.putItem(b -> b.tableName(table)
                    .item(Map.of("inboxKey", s(key), "status", s(IN_PROGRESS),
                            "leaseUntil", n(now.plus(settings.lease()).toEpochMilli()),
                            AwsResources.TTL_ATTRIBUTE, n(now.plus(settings.retention()).getEpochSecond())))
                    // New, or a claim whose holder let its lease run out (it crashed or hangs).
                    .conditionExpression("attribute_not_exists(inboxKey) OR (#status = :inProgress AND leaseUntil < :now)")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":inProgress", s(IN_PROGRESS), ":now", n(now.toEpochMilli())))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return true;
        } catch (ConditionalCheckFailedException taken) {
            Map<String, AttributeValue> existing = taken.hasItem() ? taken.item() : current(key);
            if (existing != null && existing.containsKey("status") && IN_PROGRESS.equals(existing.get("status").s())) {
                throw new DeferredEventException("event " + key + " is being processed by another delivery");
            }
            log.debug("Inbox: {} was processed already", key);
            return false;
        }
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

    @Override
    public boolean remove(String key) {
        try {
            dynamoDb.deleteItem(b -> b.tableName(table).key(Map.of("inboxKey", s(key)))
                    .conditionExpression("#status = :inProgress")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":inProgress", s(IN_PROGRESS))));
            return true;
        } catch (ConditionalCheckFailedException notClaimed) {
            return false;
        }
    }

    @Override
    public boolean confirm(String key) {
        Instant now = clock.instant();
        dynamoDb.putItem(b -> b.tableName(table).item(Map.of("inboxKey", s(key), "status", s(COMPLETED),
                "completedAt", n(now.toEpochMilli()),
                AwsResources.TTL_ATTRIBUTE, n(now.plus(settings.retention()).getEpochSecond()))));
        return true;
    }

    /** Forgetting every processed event would let every redelivery through again: not offered. */
    @Override
    public void clear() {
        throw new UnsupportedOperationException("The inbox is not cleared as a whole; its entries expire by TTL");
    }
}
