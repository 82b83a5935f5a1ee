package routes.payment;

import static routes.aws.DynamoValues.decimal;
import static routes.aws.DynamoValues.n;
import static routes.aws.DynamoValues.number;
import static routes.aws.DynamoValues.s;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;
import routes.aws.resources.ResourceNames;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * A stand-in for a real payment provider, driven by the payment token so that every path can be
 * tried by hand: {@code tok_declined} declines, {@code tok_flaky} fails transiently a few times
 * then captures, {@code tok_timeout} answers only after the saga timed out, any other token
 * captures. Like a real provider it outlives the application: its ledger is kept in the payments
 * table under {@code provider:<orderId>}, a key no order id can take.
 */
@Component
public class SimulatedPaymentProvider implements PaymentProvider {

    public static final String DECLINED = "tok_declined";
    public static final String FLAKY = "tok_flaky";
    public static final String TIMEOUT = "tok_timeout";

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final PaymentProperties settings;
    private final Map<String, AtomicInteger> flakyAttempts = new ConcurrentHashMap<>();
    private final ProviderOutage outage;

    public SimulatedPaymentProvider(DynamoDbClient dynamoDb, ResourceNames names, PaymentProperties settings,
            ProviderOutage outage) {
        this.dynamoDb = dynamoDb;
        this.table = names.paymentsTable();
        this.settings = settings;
        this.outage = outage;
    }

    @Override
    public ProviderLedger capture(String orderId, BigDecimal amount, String paymentToken) {
        outage.check();
        pause(settings.latency());
        switch (paymentToken) {
            case DECLINED -> throw new PaymentDeclinedException(orderId);
            case FLAKY -> {
                int attempt = flakyAttempts.computeIfAbsent(orderId, id -> new AtomicInteger()).incrementAndGet();
                if (attempt <= settings.flakyFailures()) {
                    throw new TransientPaymentException("Provider unavailable (attempt " + attempt + ") for order " + orderId);
                }
                flakyAttempts.remove(orderId);
            }
            case TIMEOUT -> pause(settings.lateAnswerDelay());
            default -> { }
        }
        try {
            return ledger(dynamoDb.updateItem(b -> b.tableName(table).key(key(orderId))
                    .updateExpression("SET captured = :amount, refunded = :zero, version = :one")
                    .conditionExpression("attribute_not_exists(captured)")
                    .expressionAttributeValues(Map.of(":amount", n(amount), ":zero", n(0), ":one", n(1)))
                    .returnValues("ALL_NEW")).attributes());
        } catch (ConditionalCheckFailedException alreadyCaptured) {
            return current(orderId);
        }
    }

    @Override
    public ProviderLedger refundAll(String orderId) {
        outage.check();
        pause(settings.latency());
        try {
            return ledger(dynamoDb.updateItem(b -> b.tableName(table).key(key(orderId))
                    .updateExpression("SET refunded = captured, version = version + :one")
                    .conditionExpression("refunded < captured")
                    .expressionAttributeValues(Map.of(":one", n(1)))
                    .returnValues("ALL_NEW")).attributes());
        } catch (ConditionalCheckFailedException nothingToRefund) {
            return current(orderId);
        }
    }

    private ProviderLedger current(String orderId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table).key(key(orderId))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? ProviderLedger.NONE : ledger(item);
    }

    private static Map<String, AttributeValue> key(String orderId) {
        return Map.of("orderId", s("provider:" + orderId));
    }

    private static ProviderLedger ledger(Map<String, AttributeValue> item) {
        return new ProviderLedger(decimal(item, "captured"), decimal(item, "refunded"), number(item, "version"));
    }

    // The simulated provider's response time; it blocks the calling step as a remote call would.
    private static void pause(Duration duration) {
        if (duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientPaymentException("Interrupted while waiting for the provider");
        }
    }
}
