package routes.orderview;

import static routes.aws.DynamoValues.n;
import static routes.aws.DynamoValues.s;
import static routes.aws.DynamoValues.string;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
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
        return Optional.of(new OrderSummary(string(item, "customerId"), string(item, "orderId"), string(item, "status"),
                item.containsKey("total") ? new BigDecimal(item.get("total").n()) : null,
                string(item, "lastEventType"), string(item, "lastEventId"), Long.parseLong(item.get("version").n()),
                new LinkedHashSet<>(item.get("appliedEventIds").ss())));
    }

    /** Writes the row unless another writer moved it past {@code expectedVersion} meanwhile (false then). */
    public boolean write(OrderSummary view, long expectedVersion) {
        Map<String, AttributeValue> item = new HashMap<>(Map.of("customerId", s(view.customerId()),
                "orderId", s(view.orderId()), "status", s(view.status()), "lastEventType", s(view.lastEventType()),
                "lastEventId", s(view.lastEventId()), "version", n(view.version()),
                "appliedEventIds", AttributeValue.fromSs(List.copyOf(view.appliedEventIds()))));
        if (view.total() != null) {
            item.put("total", n(view.total()));
        }
        try {
            dynamoDb.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(orderId) OR version = :expected")
                    .expressionAttributeValues(Map.of(":expected", n(expectedVersion))));
            return true;
        } catch (ConditionalCheckFailedException movedOn) {
            return false;
        }
    }
}
