package routes.chaos;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import routes.aws.resources.ResourceNames;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The tables as the run left them, read through the application's DynamoDB port (so the
 * application must be running): orders, the order view, the notices and the outbox. Stock and the
 * provider's ledger are read per key with {@code StoredState}.
 */
record StoredOutcome(Map<String, StoredOrder> orders, Map<String, ViewRow> view, Map<String, List<String>> notices,
        int pendingOutbox, Optional<Instant> lastStatusEvent) {

    /** An order row: what the invariants need of it. */
    record StoredOrder(String orderId, String customerId, String status, String reason, BigDecimal total,
            Map<String, Integer> quantities) {}

    record ViewRow(String customerId, String status) {}

    // Events that move an order's status in the view.
    private static final Set<String> STATUS_EVENTS = Set.of("order.created", "order.confirmed", "order.cancelled");

    static StoredOutcome read(DynamoDbClient dynamoDb, ResourceNames names) {
        Map<String, StoredOrder> orders = new HashMap<>();
        scan(dynamoDb, names.ordersTable()).forEach(item -> {
            Map<String, Integer> quantities = new HashMap<>();
            item.get("items").l().forEach(line -> quantities.merge(line.m().get("sku").s(),
                    Integer.parseInt(line.m().get("quantity").n()), Integer::sum));
            orders.put(item.get("orderId").s(), new StoredOrder(item.get("orderId").s(), item.get("customerId").s(),
                    item.get("status").s(), item.containsKey("reason") ? item.get("reason").s() : null,
                    new BigDecimal(item.get("total").n()), quantities));
        });
        return new StoredOutcome(orders, view(dynamoDb, names), notices(dynamoDb, names),
                pendingOutbox(dynamoDb, names), lastStatusEvent(dynamoDb, names));
    }

    static Map<String, ViewRow> view(DynamoDbClient dynamoDb, ResourceNames names) {
        Map<String, ViewRow> view = new HashMap<>();
        scan(dynamoDb, names.orderViewTable()).forEach(item -> view.put(item.get("orderId").s(),
                new ViewRow(item.get("customerId").s(), item.get("status").s())));
        return view;
    }

    /** Order id → status, for every order row. */
    static Map<String, String> statuses(DynamoDbClient dynamoDb, ResourceNames names) {
        Map<String, String> statuses = new HashMap<>();
        scan(dynamoDb, names.ordersTable()).forEach(item -> statuses.put(item.get("orderId").s(), item.get("status").s()));
        return statuses;
    }

    /** Orders the recovery routes still have to look at: PENDING, or cancelled and due a check with the provider. */
    static int ordersAwaitingRecovery(DynamoDbClient dynamoDb, ResourceNames names) {
        return dynamoDb.scanPaginator(b -> b.tableName(names.ordersTable()).consistentRead(true).select("COUNT")
                .filterExpression("attribute_exists(pendingBucket)")).stream().mapToInt(page -> page.count()).sum();
    }

    static int pendingOutbox(DynamoDbClient dynamoDb, ResourceNames names) {
        return dynamoDb.scanPaginator(b -> b.tableName(names.outboxTable()).consistentRead(true).select("COUNT")
                .filterExpression("attribute_exists(pendingBucket)")).stream().mapToInt(page -> page.count()).sum();
    }

    private static Map<String, List<String>> notices(DynamoDbClient dynamoDb, ResourceNames names) {
        Map<String, List<String>> notices = new HashMap<>();
        scan(dynamoDb, names.notificationsTable()).forEach(item ->
                notices.computeIfAbsent(item.get("orderId").s(), id -> new ArrayList<>()).add(item.get("kind").s()));
        return notices;
    }

    private static Optional<Instant> lastStatusEvent(DynamoDbClient dynamoDb, ResourceNames names) {
        return scan(dynamoDb, names.outboxTable()).stream()
                .filter(item -> STATUS_EVENTS.contains(item.get("type").s()))
                .map(item -> Instant.parse(item.get("occurredAt").s()))
                .max(Instant::compareTo);
    }

    private static List<Map<String, AttributeValue>> scan(DynamoDbClient dynamoDb, String table) {
        return dynamoDb.scanPaginator(b -> b.tableName(table).consistentRead(true)).items().stream().toList();
    }
}
