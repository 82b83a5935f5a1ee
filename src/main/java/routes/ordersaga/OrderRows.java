package routes.ordersaga;

import static routes.aws.DynamoValues.decimal;
import static routes.aws.DynamoValues.n;
import static routes.aws.DynamoValues.number;
import static routes.aws.DynamoValues.s;
import static routes.aws.DynamoValues.string;
import static routes.aws.DynamoValues.timestamp;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import routes.outbox.TraceContext;
import routes.saga.SagaRows;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The order row's attributes in DynamoDB (the order's own beside the saga log's), to and from {@link Order}. */
final class OrderRows {

    static final String ORDER_ID = "orderId";
    static final String CREATED_AT = "createdAt";
    static final String PAYMENT_TOKEN = "paymentToken";

    private OrderRows() {}

    /** A placed order's row, without what the step engine adds when it writes it. */
    static Map<String, AttributeValue> toItem(Order order) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(ORDER_ID, s(order.orderId()));
        item.put("customerId", s(order.customerId()));
        item.put("items", AttributeValue.fromL(order.items().stream().map(OrderRows::line).toList()));
        item.put("total", n(order.total()));
        item.put(SagaRows.STATUS, s(order.status().name()));
        item.put(SagaRows.STEPS, AttributeValue.fromL(order.steps().stream().map(SagaRows::step).toList()));
        item.put(SagaRows.DONE_STEPS, AttributeValue.fromSs(List.copyOf(order.doneSteps())));
        item.put("requestHash", s(order.requestHash()));
        item.put(CREATED_AT, timestamp(order.createdAt()));
        if (order.reason() != null) {
            item.put(SagaRows.REASON, s(order.reason()));
        }
        if (order.paymentToken() != null) {
            item.put(PAYMENT_TOKEN, s(order.paymentToken()));
        }
        String traceparent = TraceContext.valid(order.traceparent());
        if (traceparent != null) {
            item.put(TraceContext.TRACEPARENT, s(traceparent));
        }
        return item;
    }

    static Order fromItem(Map<String, AttributeValue> item) {
        return new Order(
                string(item, ORDER_ID),
                string(item, "customerId"),
                item.get("items").l().stream().map(v -> line(v.m())).toList(),
                decimal(item, "total"),
                OrderStatus.valueOf(string(item, SagaRows.STATUS)),
                string(item, SagaRows.REASON),
                number(item, SagaRows.VERSION),
                SagaRows.steps(item),
                SagaRows.stringSet(item, SagaRows.DONE_STEPS),
                SagaRows.stringSet(item, SagaRows.COMPENSATED_STEPS),
                string(item, SagaRows.LAST_EVENT_ID),
                string(item, "requestHash"),
                Instant.parse(string(item, CREATED_AT)),
                string(item, SagaRows.SAGA_ID),
                string(item, PAYMENT_TOKEN),
                Instant.parse(string(item, SagaRows.UPDATED_AT)),
                SagaRows.reconcileDue(item),
                TraceContext.valid(string(item, TraceContext.TRACEPARENT)));
    }

    private static AttributeValue line(OrderLine line) {
        return AttributeValue.fromM(Map.of("sku", s(line.sku()), "quantity", n(line.quantity()),
                "unitPrice", n(line.unitPrice())));
    }

    private static OrderLine line(Map<String, AttributeValue> m) {
        return new OrderLine(string(m, "sku"), (int) number(m, "quantity"), decimal(m, "unitPrice"));
    }
}
