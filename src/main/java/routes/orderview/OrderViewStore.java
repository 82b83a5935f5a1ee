package routes.orderview;

import static routes.aws.DynamoValues.n;
import static routes.aws.DynamoValues.s;
import static routes.aws.DynamoValues.string;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import routes.aws.resources.ResourceNames;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** The {@code order_view} table: one row per customer and order. */
@Component
public class OrderViewStore {

    private final DynamoDbClient dynamoDb;
    private final String table;

    public OrderViewStore(DynamoDbClient dynamoDb, ResourceNames names) {
        this.dynamoDb = dynamoDb;
        this.table = names.orderViewTable();
    }

    public Optional<OrderSummary> find(String customerId, String orderId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of("customerId", s(customerId), "orderId", s(orderId)))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        long version = Long.parseLong(item.get("version").n());
        // Rows written before statusVersion and revision existed: their status came with their version.
        return Optional.of(new OrderSummary(string(item, "customerId"), string(item, "orderId"), string(item, "status"),
                number(item, "statusVersion", version),
                item.containsKey("total") ? new BigDecimal(item.get("total").n()) : null,
                string(item, "lastEventType"), string(item, "lastEventId"), version, number(item, "revision", 0)));
    }

    /** Writes the row unless another writer changed it since {@code previous} was read (false then). */
    public boolean write(OrderSummary view, Optional<OrderSummary> previous) {
        Map<String, AttributeValue> item = new HashMap<>(Map.of("customerId", s(view.customerId()),
                "orderId", s(view.orderId()), "status", s(view.status()), "statusVersion", n(view.statusVersion()),
                "lastEventType", s(view.lastEventType()), "lastEventId", s(view.lastEventId()),
                "version", n(view.version()), "revision", n(view.revision())));
        if (view.total() != null) {
            item.put("total", n(view.total()));
        }
        try {
            dynamoDb.putItem(b -> {
                b.tableName(table).item(item);
                if (previous.isEmpty()) {
                    b.conditionExpression("attribute_not_exists(orderId)");
                } else if (previous.get().revision() == 0) {
                    b.conditionExpression("attribute_not_exists(revision) AND version = :version")
                            .expressionAttributeValues(Map.of(":version", n(previous.get().version())));
                } else {
                    b.conditionExpression("revision = :revision")
                            .expressionAttributeValues(Map.of(":revision", n(previous.get().revision())));
                }
            });
            return true;
        } catch (ConditionalCheckFailedException changed) {
            return false;
        }
    }

    private static long number(Map<String, AttributeValue> item, String attribute, long otherwise) {
        return item.containsKey(attribute) ? Long.parseLong(item.get(attribute).n()) : otherwise;
    }
}
