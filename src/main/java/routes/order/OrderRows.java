package routes.order;

import static routes.aws.DynamoValues.decimal;
import static routes.aws.DynamoValues.n;
import static routes.aws.DynamoValues.number;
import static routes.aws.DynamoValues.s;
import static routes.aws.DynamoValues.string;
import static routes.aws.DynamoValues.timestamp;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The order row's attributes in DynamoDB, and the mapping to and from {@link Order}. */
final class OrderRows {

    static final String ORDER_ID = "orderId";
    static final String STATUS = "status";
    static final String REASON = "reason";
    static final String VERSION = "version";
    static final String STEPS = "steps";
    static final String DONE_STEPS = "doneSteps";
    static final String COMPENSATED_STEPS = "compensatedSteps";
    static final String LAST_EVENT_ID = "lastEventId";
    static final String UPDATED_AT = "updatedAt";
    static final String CREATED_AT = "createdAt";
    /** The saga that created the order: tells a retry of its own write from another request's. */
    static final String SAGA_ID = "sagaId";
    static final String PAYMENT_TOKEN = "paymentToken";
    /**
     * Present only while the order needs the recovery route: PENDING while its saga runs, then
     * RECONCILE while a cancelled order waits to be checked with the payment provider. The recovery
     * route scans both through the sparse pending index.
     */
    static final String PENDING_BUCKET = "pendingBucket";
    static final String RECONCILE = "RECONCILE";

    private OrderRows() {}

    static Map<String, AttributeValue> toItem(Order order) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(ORDER_ID, s(order.orderId()));
        item.put("customerId", s(order.customerId()));
        item.put("items", AttributeValue.fromL(order.items().stream().map(OrderRows::line).toList()));
        item.put("total", n(order.total()));
        item.put(STATUS, s(order.status().name()));
        item.put(VERSION, n(order.version()));
        item.put(STEPS, AttributeValue.fromL(order.steps().stream().map(OrderRows::step).toList()));
        item.put(DONE_STEPS, AttributeValue.fromSs(List.copyOf(order.doneSteps())));
        item.put(LAST_EVENT_ID, s(order.lastEventId()));
        item.put("requestHash", s(order.requestHash()));
        item.put(CREATED_AT, timestamp(order.createdAt()));
        item.put(UPDATED_AT, timestamp(order.createdAt()));
        item.put(PENDING_BUCKET, s(OrderStatus.PENDING.name()));
        if (order.reason() != null) {
            item.put(REASON, s(order.reason()));
        }
        if (order.paymentToken() != null) {
            item.put(PAYMENT_TOKEN, s(order.paymentToken()));
        }
        return item;
    }

    static Order fromItem(Map<String, AttributeValue> item) {
        return new Order(
                string(item, ORDER_ID),
                string(item, "customerId"),
                item.get("items").l().stream().map(v -> line(v.m())).toList(),
                decimal(item, "total"),
                OrderStatus.valueOf(string(item, STATUS)),
                string(item, REASON),
                number(item, VERSION),
                item.get(STEPS).l().stream().map(v -> step(v.m())).toList(),
                stringSet(item, DONE_STEPS),
                stringSet(item, COMPENSATED_STEPS),
                string(item, LAST_EVENT_ID),
                string(item, "requestHash"),
                Instant.parse(string(item, CREATED_AT)),
                string(item, SAGA_ID),
                string(item, PAYMENT_TOKEN),
                Instant.parse(string(item, UPDATED_AT)),
                RECONCILE.equals(string(item, PENDING_BUCKET)));
    }

    static AttributeValue step(StepRecord step) {
        return AttributeValue.fromM(Map.of("step", s(step.step()), "status", s(step.status()), "at", timestamp(step.at())));
    }

    private static StepRecord step(Map<String, AttributeValue> m) {
        return new StepRecord(string(m, "step"), string(m, "status"), Instant.parse(string(m, "at")));
    }

    private static AttributeValue line(OrderLine line) {
        return AttributeValue.fromM(Map.of("sku", s(line.sku()), "quantity", n(line.quantity()),
                "unitPrice", n(line.unitPrice())));
    }

    private static OrderLine line(Map<String, AttributeValue> m) {
        return new OrderLine(string(m, "sku"), (int) number(m, "quantity"), decimal(m, "unitPrice"));
    }

    private static Set<String> stringSet(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || !value.hasSs() ? Set.of() : new LinkedHashSet<>(value.ss());
    }
}
