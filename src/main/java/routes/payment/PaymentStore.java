package routes.payment;

import static routes.aws.DynamoValues.n;
import static routes.aws.DynamoValues.s;

import java.util.Map;
import org.springframework.stereotype.Component;
import routes.aws.resources.ResourceNames;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The payments table: per order, the captured and refunded amounts as the provider last reported
 * them, so that {@code captured - refunded} is the money the order holds.
 */
@Component
public class PaymentStore {

    private final DynamoDbClient dynamoDb;
    private final String table;

    public PaymentStore(DynamoDbClient dynamoDb, ResourceNames names) {
        this.dynamoDb = dynamoDb;
        this.table = names.paymentsTable();
    }

    /** The version of the provider ledger last recorded for the order (0 when none is). */
    long recordedVersion(String orderId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of("orderId", s(orderId)))).item();
        return item == null || !item.containsKey("ledgerVersion") ? 0 : Long.parseLong(item.get("ledgerVersion").n());
    }

    /** Records a provider ledger, unless a newer one is recorded already. */
    TransactWriteItem record(String orderId, ProviderLedger ledger, String status) {
        return TransactWriteItem.builder().put(p -> p.tableName(table)
                .item(Map.of("orderId", s(orderId), "captured", n(ledger.captured()), "refunded", n(ledger.refunded()),
                        "status", s(status), "ledgerVersion", n(ledger.version())))
                .conditionExpression("attribute_not_exists(orderId) OR ledgerVersion <= :version")
                .expressionAttributeValues(Map.of(":version", n(ledger.version())))).build();
    }
}
