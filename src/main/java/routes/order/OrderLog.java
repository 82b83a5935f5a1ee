package routes.order;

import static routes.aws.DynamoValues.n;
import static routes.aws.DynamoValues.s;
import static routes.aws.DynamoValues.timestamp;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import routes.aws.resources.ResourceNames;
import routes.outbox.OutboxEvent;
import routes.outbox.OutboxItems;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The order row as the saga's log. Every step and compensation goes through {@link #apply}: read
 * the row, let the step decide, then write the step's rows, the order row's mark and the outbox
 * event in one TransactWriteItems guarded by the version that was read. A writer that lost a race
 * reads again and decides again, so a step retried after it committed changes nothing.
 */
@Component
public class OrderLog {

    public static final String AGGREGATE_TYPE = "order";
    private static final Logger log = LoggerFactory.getLogger(OrderLog.class);
    private static final int MAX_ATTEMPTS = 10;

    private final DynamoDbClient dynamoDb;
    private final OutboxItems outbox;
    private final String table;
    private final Clock clock;

    public OrderLog(DynamoDbClient dynamoDb, OutboxItems outbox, ResourceNames names, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.outbox = outbox;
        this.table = names.ordersTable();
        this.clock = clock;
    }

    public Optional<Order> find(String orderId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of(OrderRows.ORDER_ID, s(orderId)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(OrderRows.fromItem(item));
    }

    /**
     * Writes a new order with its {@code order.created} event, on behalf of the saga {@code sagaId}.
     * False when the order id is taken by another saga (or request): the caller then compares the
     * existing order with its request. A retry of the same saga's write that had committed although
     * its answer was lost finds its own saga id on the row, and counts as created.
     */
    public boolean create(Order order, String eventData, String sagaId) {
        OutboxEvent event = event(order.orderId(), 1, null, "order.created", eventData, order.createdAt());
        Order withEvent = new Order(order.orderId(), order.customerId(), order.items(), order.total(),
                order.status(), order.reason(), 1, order.steps(), order.doneSteps(), order.compensatedSteps(),
                event.eventId(), order.requestHash(), order.createdAt(), sagaId, order.paymentToken(),
                order.createdAt(), false);
        Map<String, AttributeValue> item = OrderRows.toItem(withEvent);
        if (sagaId != null) {
            item.put(OrderRows.SAGA_ID, s(sagaId));
        }
        try {
            dynamoDb.transactWriteItems(b -> b.transactItems(
                    TransactWriteItem.builder().put(p -> p.tableName(table).item(item)
                            .conditionExpression("attribute_not_exists(" + OrderRows.ORDER_ID + ")")).build(),
                    outbox.put(event)));
            return true;
        } catch (TransactionCanceledException e) {
            if (conditionFailed(e, 0)) {
                return sagaId != null && sagaId.equals(sagaOf(order.orderId()));
            }
            throw e;
        }
    }

    /** Writes a new order with its order.created event outside any saga (tools, tests, benchmarks). */
    public boolean create(Order order) {
        return create(order, OrderEvents.created(order), null);
    }

    private String sagaOf(String orderId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of(OrderRows.ORDER_ID, s(orderId))).projectionExpression(OrderRows.SAGA_ID)).item();
        return item == null || !item.containsKey(OrderRows.SAGA_ID) ? null : item.get(OrderRows.SAGA_ID).s();
    }

    /**
     * Runs a compensation on behalf of the saga {@code sagaId} (null: recovery, which acts for any
     * saga): it changes nothing when another saga owns the order, such as the saga of a duplicate
     * request that never created it, or a lost saga that recovery has resumed in a new one.
     */
    public StepOutcome compensate(String orderId, String sagaId, Function<Order, StepDecision> decide) {
        return apply(orderId, order -> order.ownedBy(sagaId) ? decide.apply(order)
                : StepDecision.alreadyApplied("saga " + sagaId + " no longer owns the order, " + order.sagaId() + " does"));
    }

    /** Runs one step against the order row until it is applied, found already applied, or refused. */
    public StepOutcome apply(String orderId, Function<Order, StepDecision> decide) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Order current = find(orderId).orElseThrow(() -> new UnknownOrderException(orderId));
            StepDecision decision = decide.apply(current);
            if (decision instanceof StepDecision.AlreadyApplied already) {
                log.debug("Order {}: nothing to write ({})", orderId, already.why());
                return new StepOutcome(current, false, null);
            }
            if (decision instanceof StepDecision.Refuse refuse) {
                throw refuse.failure();
            }
            OrderChange change = ((StepDecision.Apply) decision).change();
            try {
                return new StepOutcome(current, true, write(current, change));
            } catch (TransactionCanceledException e) {
                if (conditionFailed(e, 0) || conflicted(e)) {
                    log.debug("Order {}: version {} moved on during {}, deciding again", orderId,
                            current.version(), change.step().id());
                    continue;
                }
                if (change.whenOtherItemsRejected() != null && otherItemFailed(e, change)) {
                    throw change.whenOtherItemsRejected().get();
                }
                throw e;
            }
        }
        throw new OrderContentionException(orderId);
    }

    private OutboxEvent write(Order current, OrderChange change) {
        Instant now = clock.instant();
        long next = current.version() + 1;
        OutboxEvent event = change.eventType() == null ? null
                : event(current.orderId(), next, current.lastEventId(), change.eventType(), change.eventData(), now);
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder().update(orderUpdate(current, change, next, event, now)).build());
        if (event != null) {
            items.add(outbox.put(event));
        }
        items.addAll(change.otherItems());
        dynamoDb.transactWriteItems(b -> b.transactItems(items));
        log.info("Order {}: {} {} (version {}{})", current.orderId(), change.step().id(), change.history(), next,
                event == null ? "" : ", event " + event.type() + " " + event.eventId());
        return event;
    }

    private Update orderUpdate(Order current, OrderChange change, long next, OutboxEvent event, Instant now) {
        Map<String, String> names = new HashMap<>(Map.of("#version", OrderRows.VERSION, "#steps", OrderRows.STEPS,
                "#updatedAt", OrderRows.UPDATED_AT));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":current", n(current.version()),
                ":next", n(next),
                ":now", timestamp(now),
                ":step", AttributeValue.fromL(List.of(OrderRows.step(
                        new StepRecord(change.step().id(), change.history(), now))))));
        List<String> set = new ArrayList<>(List.of("#version = :next", "#updatedAt = :now",
                "#steps = list_append(#steps, :step)"));
        List<String> add = new ArrayList<>();
        List<String> remove = new ArrayList<>();
        if (event != null) {
            names.put("#lastEventId", OrderRows.LAST_EVENT_ID);
            values.put(":eventId", s(event.eventId()));
            set.add("#lastEventId = :eventId");
        }
        if (change.newStatus() != null) {
            names.put("#status", OrderRows.STATUS);
            values.put(":status", s(change.newStatus().name()));
            set.add("#status = :status");
        }
        // A final order leaves the pending index, unless it waits to be reconciled with the provider.
        boolean endsFinal = change.newStatus() != null ? change.newStatus().terminal() : current.status().terminal();
        if (endsFinal && (change.newStatus() != null || change.reconcile() != null)) {
            names.put("#pending", OrderRows.PENDING_BUCKET);
            if (Boolean.TRUE.equals(change.reconcile())) {
                values.put(":reconcile", s(OrderRows.RECONCILE));
                set.add("#pending = :reconcile");
            } else {
                remove.add("#pending");
            }
        }
        if (change.owner() != null) {
            names.put("#sagaId", OrderRows.SAGA_ID);
            values.put(":owner", s(change.owner()));
            set.add("#sagaId = :owner");
        }
        if (change.reason() != null) {
            names.put("#reason", OrderRows.REASON);
            values.put(":reason", s(change.reason()));
            set.add("#reason = :reason");
        }
        if (change.mark() != OrderChange.StepMark.NONE) {
            String attribute = change.mark() == OrderChange.StepMark.DONE ? OrderRows.DONE_STEPS : OrderRows.COMPENSATED_STEPS;
            names.put("#marks", attribute);
            values.put(":mark", AttributeValue.fromSs(List.of(change.step().id())));
            add.add("#marks :mark");
        }
        String expression = "SET " + String.join(", ", set)
                + (add.isEmpty() ? "" : " ADD " + String.join(", ", add))
                + (remove.isEmpty() ? "" : " REMOVE " + String.join(", ", remove));
        return Update.builder()
                .tableName(table)
                .key(Map.of(OrderRows.ORDER_ID, s(current.orderId())))
                .updateExpression(expression)
                .conditionExpression("#version = :current")
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .build();
    }

    private OutboxEvent event(String orderId, long version, String causationId, String type, String data, Instant at) {
        return new OutboxEvent(UUID.randomUUID().toString(), type, AGGREGATE_TYPE, orderId, version, orderId,
                causationId, at, data);
    }

    private static boolean conditionFailed(TransactionCanceledException e, int index) {
        List<CancellationReason> reasons = e.cancellationReasons();
        return reasons.size() > index && "ConditionalCheckFailed".equals(reasons.get(index).code());
    }

    private static boolean conflicted(TransactionCanceledException e) {
        return e.cancellationReasons().stream().anyMatch(r -> "TransactionConflict".equals(r.code()));
    }

    private static boolean otherItemFailed(TransactionCanceledException e, OrderChange change) {
        int first = change.eventType() == null ? 1 : 2;
        for (int i = first; i < e.cancellationReasons().size(); i++) {
            if ("ConditionalCheckFailed".equals(e.cancellationReasons().get(i).code())) {
                return true;
            }
        }
        return false;
    }

    /** The order as the step found it, whether the step wrote, and the event it wrote (or null). */
    public record StepOutcome(Order order, boolean applied, OutboxEvent event) {}
}
