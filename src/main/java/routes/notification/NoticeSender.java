package routes.notification;

import static routes.aws.DynamoValues.s;
import static routes.aws.DynamoValues.timestamp;

import java.time.Clock;
import java.util.Map;
import org.apache.camel.Body;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import routes.aws.resources.ResourceNames;
import routes.inbox.InboundEvent;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Sends the customer's confirmation or cancellation notice (simulated: a row in
 * {@code notifications} and a log line). The row is keyed by order and kind and written only if
 * absent: behind the inbox, a second guard that a customer never gets the same notice twice.
 */
@Component("noticeSender")
public class NoticeSender {

    private static final Logger log = LoggerFactory.getLogger(NoticeSender.class);

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Clock clock;

    public NoticeSender(DynamoDbClient dynamoDb, ResourceNames names, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.table = names.notificationsTable();
        this.clock = clock;
    }

    /** The notice in the route's wording: {orderId}, {customerId}, {total} and {reason} are filled in. */
    public void send(@Body InboundEvent event, String confirmationText, String cancellationText) {
        Notice notice = Notice.of(event, confirmationText, cancellationText);
        try {
            dynamoDb.putItem(b -> b.tableName(table)
                    .item(Map.of("orderId", s(event.orderId()), "kind", s(notice.kind()), "customerId",
                            s(event.customerId()), "text", s(notice.text()), "eventId", s(event.id()),
                            "sentAt", timestamp(clock.instant())))
                    .conditionExpression("attribute_not_exists(orderId)"));
            log.info("Order {}: {} notice sent to customer {}: {}", event.orderId(), notice.kind(), event.customerId(),
                    notice.text());
        } catch (ConditionalCheckFailedException alreadySent) {
            log.info("Order {}: {} notice was sent already, not again", event.orderId(), notice.kind());
        }
    }
}
