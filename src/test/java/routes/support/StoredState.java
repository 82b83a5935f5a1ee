package routes.support;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reads what the saga left in DynamoDB, for assertions: stock, payments, the provider's ledger, outbox items. */
public final class StoredState {

    private final DynamoDbClient dynamoDb;

    public StoredState(DynamoDbClient dynamoDb) {
        this.dynamoDb = dynamoDb;
    }

    public record Stock(long available, long reserved) {}

    /** Amounts at cents scale, so that 10 and 10.00 are the same money. */
    public record Money(BigDecimal captured, BigDecimal refunded) {
        public Money {
            captured = captured.setScale(2);
            refunded = refunded.setScale(2);
        }

        public BigDecimal held() {
            return captured.subtract(refunded);
        }
    }

    public Stock stock(String sku) {
        Map<String, AttributeValue> item = get("inventory", Map.of("sku", AttributeValue.fromS(sku)));
        return new Stock(Long.parseLong(item.get("available").n()), Long.parseLong(item.get("reserved").n()));
    }

    /** The payments row of an order, or null when the saga never got to payment. */
    public Money payment(String orderId) {
        return money(get("payments", Map.of("orderId", AttributeValue.fromS(orderId))));
    }

    /** The simulated provider's own ledger for the order, or null when it never saw the order. */
    public Money providerLedger(String orderId) {
        return money(get("payments", Map.of("orderId", AttributeValue.fromS("provider:" + orderId))));
    }

    /** The order's outbox items in aggregate-version order. */
    public List<Map<String, AttributeValue>> outbox(String orderId) {
        return dynamoDb.query(b -> b.tableName("outbox").consistentRead(true)
                        .keyConditionExpression("aggregateKey = :key")
                        .expressionAttributeValues(Map.of(":key", AttributeValue.fromS("order#" + orderId))))
                .items().stream()
                .sorted(Comparator.comparingLong(item -> Long.parseLong(item.get("aggregateVersion").n())))
                .toList();
    }

    public List<String> eventTypes(String orderId) {
        return outbox(orderId).stream().map(item -> item.get("type").s()).toList();
    }

    public int count(String table) {
        return dynamoDb.scanPaginator(b -> b.tableName(table).select("COUNT")).stream()
                .mapToInt(page -> page.count()).sum();
    }

    private Map<String, AttributeValue> get(String table, Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table).key(key).consistentRead(true)).item();
        return item == null || item.isEmpty() ? null : item;
    }

    private static Money money(Map<String, AttributeValue> item) {
        return item == null ? null : new Money(new BigDecimal(item.get("captured").n()), new BigDecimal(item.get("refunded").n()));
    }
}
