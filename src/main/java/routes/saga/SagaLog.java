package routes.saga;

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
import routes.outbox.OutboxEvent;
import routes.outbox.OutboxItems;
import routes.outbox.TraceContext;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The step engine: a saga's row in DynamoDB as the saga's log. Every step and compensation goes
 * through {@link #apply}: read the row, let the step decide, then write the step's rows, the row's
 * mark and the outbox event in one TransactWriteItems guarded by the version that was read. A
 * writer that lost a race reads again and decides again, so a step retried after it committed
 * changes nothing.
 *
 * @param <R> the row as the saga's steps read it
 */
public class SagaLog<R extends SagaRecord> {

    private static final Logger log = LoggerFactory.getLogger(SagaLog.class);
    private static final int MAX_ATTEMPTS = 10;

    private final DynamoDbClient dynamoDb;
    private final OutboxItems outbox;
    private final Clock clock;
    private final String table;
    private final String key;
    private final String aggregateType;
    private final Function<Map<String, AttributeValue>, R> reader;

    /**
     * @param key           the row's key attribute
     * @param aggregateType the bounded context the rows' events come from
     * @param reader        turns an item into the row the steps decide on
     */
    public SagaLog(DynamoDbClient dynamoDb, OutboxItems outbox, Clock clock, String table, String key,
            String aggregateType, Function<Map<String, AttributeValue>, R> reader) {
        this.dynamoDb = dynamoDb;
        this.outbox = outbox;
        this.clock = clock;
        this.table = table;
        this.key = key;
        this.aggregateType = aggregateType;
        this.reader = reader;
    }

    public Optional<R> find(String id) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of(key, s(id)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(reader.apply(item));
    }

    /**
     * Writes a new row (version 1) with its first event, on behalf of the saga {@code sagaId}. False
     * when the id is taken by another saga (or request). A retry of the same saga's write that had
     * committed although its answer was lost finds its own saga id on the row, and counts as written.
     */
    public boolean start(String id, Map<String, AttributeValue> row, String eventType, String eventData, Instant at,
            String sagaId) {
        OutboxEvent event = event(id, 1, null, eventType, eventData, at,
                row.containsKey(TraceContext.TRACEPARENT) ? row.get(TraceContext.TRACEPARENT).s() : null);
        Map<String, AttributeValue> item = new HashMap<>(row);
        item.put(SagaRows.VERSION, n(1));
        item.put(SagaRows.LAST_EVENT_ID, s(event.eventId()));
        item.put(SagaRows.UPDATED_AT, timestamp(at));
        item.put(SagaRows.PENDING_BUCKET, s(SagaRows.RUNNING));
        if (sagaId != null) {
            item.put(SagaRows.SAGA_ID, s(sagaId));
        }
        try {
            dynamoDb.transactWriteItems(b -> b.transactItems(
                    TransactWriteItem.builder().put(p -> p.tableName(table).item(item)
                            .conditionExpression("attribute_not_exists(" + key + ")")).build(),
                    outbox.put(event)));
            return true;
        } catch (TransactionCanceledException e) {
            if (conditionFailed(e, 0)) {
                return sagaId != null && sagaId.equals(sagaOf(id));
            }
            throw e;
        }
    }

    private String sagaOf(String id) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of(key, s(id))).projectionExpression(SagaRows.SAGA_ID)).item();
        return item == null || !item.containsKey(SagaRows.SAGA_ID) ? null : item.get(SagaRows.SAGA_ID).s();
    }

    /**
     * Runs a compensation on behalf of the saga {@code sagaId} (null: recovery, which acts for any
     * saga): it changes nothing when another saga owns the row, such as the saga of a duplicate
     * request that never created it, or a lost saga that recovery has resumed in a new one.
     */
    public StepOutcome<R> compensate(String id, String sagaId, Function<R, StepDecision> decide) {
        return apply(id, row -> row.ownedBy(sagaId) ? decide.apply(row)
                : StepDecision.alreadyApplied("saga " + sagaId + " no longer owns the row, " + row.sagaId() + " does"));
    }

    /** Runs one step against the row until it is applied, found already applied, or refused. */
    public StepOutcome<R> apply(String id, Function<R, StepDecision> decide) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            R current = find(id).orElseThrow(() -> new SagaRecordNotFoundException(id));
            StepDecision decision = decide.apply(current);
            if (decision instanceof StepDecision.AlreadyApplied already) {
                log.debug("Order {}: nothing to write ({})", id, already.why());
                return new StepOutcome<>(current, decision, null);
            }
            if (decision instanceof StepDecision.Proceed) {
                return new StepOutcome<>(current, decision, null);
            }
            if (decision instanceof StepDecision.Refuse refuse) {
                throw refuse.failure();
            }
            SagaChange change = ((StepDecision.Apply) decision).change();
            try {
                return new StepOutcome<>(current, decision, write(current, change));
            } catch (TransactionCanceledException e) {
                if (conditionFailed(e, 0) || conflicted(e)) {
                    log.debug("Order {}: version {} moved on during {}, deciding again", id,
                            current.version(), change.step().id());
                    continue;
                }
                if (change.whenOtherItemsRejected() != null && otherItemFailed(e, change)) {
                    throw change.whenOtherItemsRejected().get();
                }
                throw e;
            }
        }
        throw new SagaContentionException(id);
    }

    private OutboxEvent write(R current, SagaChange change) {
        Instant now = clock.instant();
        long next = current.version() + 1;
        OutboxEvent event = change.eventType() == null ? null
                : event(current.id(), next, current.lastEventId(), change.eventType(), change.eventData(), now,
                        current.traceparent());
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder().update(rowUpdate(current, change, next, event, now)).build());
        if (event != null) {
            items.add(outbox.put(event));
        }
        items.addAll(change.otherItems());
        dynamoDb.transactWriteItems(b -> b.transactItems(items));
        log.info("Order {}: {} {} (version {}{})", current.id(), change.step().id(), change.history(), next,
                event == null ? "" : ", event " + event.type() + " " + event.eventId());
        return event;
    }

    private Update rowUpdate(R current, SagaChange change, long next, OutboxEvent event, Instant now) {
        Map<String, String> names = new HashMap<>(Map.of("#version", SagaRows.VERSION, "#steps", SagaRows.STEPS,
                "#updatedAt", SagaRows.UPDATED_AT));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":current", n(current.version()),
                ":next", n(next),
                ":now", timestamp(now),
                ":step", AttributeValue.fromL(List.of(SagaRows.step(
                        new StepRecord(change.step().id(), change.history(), now))))));
        List<String> set = new ArrayList<>(List.of("#version = :next", "#updatedAt = :now",
                "#steps = list_append(#steps, :step)"));
        List<String> add = new ArrayList<>();
        List<String> remove = new ArrayList<>();
        if (event != null) {
            names.put("#lastEventId", SagaRows.LAST_EVENT_ID);
            values.put(":eventId", s(event.eventId()));
            set.add("#lastEventId = :eventId");
        }
        if (change.newStatus() != null) {
            names.put("#status", SagaRows.STATUS);
            values.put(":status", s(change.newStatus().name()));
            set.add("#status = :status");
        }
        // An ended saga leaves the pending index, unless it waits to be reconciled.
        boolean endsFinal = change.newStatus() != null ? change.newStatus().terminal() : current.status().terminal();
        if (endsFinal && (change.newStatus() != null || change.reconcile() != null)) {
            names.put("#pending", SagaRows.PENDING_BUCKET);
            if (Boolean.TRUE.equals(change.reconcile())) {
                values.put(":reconcile", s(SagaRows.RECONCILE));
                set.add("#pending = :reconcile");
            } else {
                remove.add("#pending");
            }
        }
        if (change.owner() != null) {
            names.put("#sagaId", SagaRows.SAGA_ID);
            values.put(":owner", s(change.owner()));
            set.add("#sagaId = :owner");
        }
        if (change.reason() != null) {
            names.put("#reason", SagaRows.REASON);
            values.put(":reason", s(change.reason()));
            set.add("#reason = :reason");
        }
        if (change.mark() != SagaChange.StepMark.NONE) {
            String attribute = change.mark() == SagaChange.StepMark.DONE ? SagaRows.DONE_STEPS : SagaRows.COMPENSATED_STEPS;
            names.put("#marks", attribute);
            values.put(":mark", AttributeValue.fromSs(List.of(change.step().id())));
            add.add("#marks :mark");
        }
        String expression = "SET " + String.join(", ", set)
                + (add.isEmpty() ? "" : " ADD " + String.join(", ", add))
                + (remove.isEmpty() ? "" : " REMOVE " + String.join(", ", remove));
        return Update.builder()
                .tableName(table)
                .key(Map.of(key, s(current.id())))
                .updateExpression(expression)
                .conditionExpression("#version = :current")
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .build();
    }

    private OutboxEvent event(String id, long version, String causationId, String type, String data, Instant at,
            String traceparent) {
        return new OutboxEvent(UUID.randomUUID().toString(), type, aggregateType, id, version, id, causationId, at, data,
                TraceContext.valid(traceparent));
    }

    private static boolean conditionFailed(TransactionCanceledException e, int index) {
        List<CancellationReason> reasons = e.cancellationReasons();
        return reasons.size() > index && "ConditionalCheckFailed".equals(reasons.get(index).code());
    }

    private static boolean conflicted(TransactionCanceledException e) {
        return e.cancellationReasons().stream().anyMatch(r -> "TransactionConflict".equals(r.code()));
    }

    private static boolean otherItemFailed(TransactionCanceledException e, SagaChange change) {
        int first = change.eventType() == null ? 1 : 2;
        for (int i = first; i < e.cancellationReasons().size(); i++) {
            if ("ConditionalCheckFailed".equals(e.cancellationReasons().get(i).code())) {
                return true;
            }
        }
        return false;
    }

    /** The row as the step found it, what the step decided on it, and the event it wrote (or null). */
    public record StepOutcome<R>(R record, StepDecision decision, OutboxEvent event) {

        /** The step wrote its change. */
        public boolean applied() {
            return decision instanceof StepDecision.Apply;
        }

        /** The step has nothing more to do: the row already shows it. */
        public boolean alreadyApplied() {
            return decision instanceof StepDecision.AlreadyApplied;
        }
    }
}
