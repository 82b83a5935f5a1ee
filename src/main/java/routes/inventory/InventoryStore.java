package routes.inventory;

import static routes.aws.DynamoValues.decimal;
import static routes.aws.DynamoValues.n;
import static routes.aws.DynamoValues.number;
import static routes.aws.DynamoValues.s;
import static routes.aws.DynamoValues.string;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import routes.aws.resources.ResourceNames;
import routes.ordersaga.Catalog;
import routes.ordersaga.OrderLine;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** The inventory table: one row per SKU with its price and its available and reserved counts. */
@Component
public class InventoryStore implements Catalog {

    private final DynamoDbClient dynamoDb;
    private final String table;

    public InventoryStore(DynamoDbClient dynamoDb, ResourceNames names) {
        this.dynamoDb = dynamoDb;
        this.table = names.inventoryTable();
    }

    public Optional<StockItem> find(String sku) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of("sku", s(sku)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(stockItem(item));
    }

    /** Sets a SKU's available count, and its price when given; a new SKU starts with nothing reserved. */
    public StockItem setStock(String sku, long available, BigDecimal price) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":available", n(available), ":zero", n(0)));
        String expression = "SET available = :available, reserved = if_not_exists(reserved, :zero)";
        if (price != null) {
            values.put(":price", n(price));
            expression += ", price = :price";
        }
        String update = expression;
        Map<String, AttributeValue> item = dynamoDb.updateItem(b -> b.tableName(table)
                .key(Map.of("sku", s(sku)))
                .updateExpression(update)
                // A SKU without a price cannot be sold: a new one must come with its price.
                .conditionExpression(price == null ? "attribute_exists(price)" : null)
                .expressionAttributeValues(values)
                .returnValues("ALL_NEW")).attributes();
        return stockItem(item);
    }

    /** Creates the SKU unless it exists, so that seeding never resets stock that orders already moved. */
    public void seed(String sku, long available, BigDecimal price) {
        try {
            dynamoDb.putItem(b -> b.tableName(table)
                    .item(Map.of("sku", s(sku), "available", n(available), "reserved", n(0), "price", n(price)))
                    .conditionExpression("attribute_not_exists(sku)"));
        } catch (ConditionalCheckFailedException alreadySeeded) {
            // kept as it is
        }
    }

    /** Prices of the given SKUs; a SKU missing from the result is not in the catalog. */
    @Override
    public Map<String, BigDecimal> prices(Collection<String> skus) {
        Map<String, BigDecimal> prices = new LinkedHashMap<>();
        for (String sku : skus.stream().distinct().toList()) {
            find(sku).ifPresent(item -> prices.put(sku, item.price()));
        }
        return prices;
    }

    /** Moves each line's quantity from available to reserved, failing the transaction if any SKU has too few. */
    List<TransactWriteItem> reserve(List<OrderLine> lines) {
        return quantitiesBySku(lines).entrySet().stream().map(line -> update(line.getKey(), line.getValue(),
                "SET available = available - :q, reserved = reserved + :q", "available >= :q")).toList();
    }

    /** Moves each line's quantity back from reserved to available. */
    List<TransactWriteItem> release(List<OrderLine> lines) {
        return quantitiesBySku(lines).entrySet().stream().map(line -> update(line.getKey(), line.getValue(),
                "SET available = available + :q, reserved = reserved - :q", "reserved >= :q")).toList();
    }

    // A transaction may touch an item once: lines of the same SKU are merged.
    static Map<String, Integer> quantitiesBySku(List<OrderLine> lines) {
        Map<String, Integer> quantities = new LinkedHashMap<>();
        lines.forEach(line -> quantities.merge(line.sku(), line.quantity(), Integer::sum));
        return quantities;
    }

    private TransactWriteItem update(String sku, int quantity, String expression, String condition) {
        return TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(Map.of("sku", s(sku)))
                .updateExpression(expression)
                .conditionExpression(condition)
                .expressionAttributeValues(Map.of(":q", n(quantity)))).build();
    }

    private static StockItem stockItem(Map<String, AttributeValue> item) {
        return new StockItem(string(item, "sku"), decimal(item, "price"), number(item, "available"),
                number(item, "reserved"));
    }
}
