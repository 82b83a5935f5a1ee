package routes.support;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import routes.ordersaga.Order;
import routes.saga.SagaChange;
import routes.ordersaga.OrderLine;
import routes.ordersaga.OrderStatus;
import routes.ordersaga.SagaStep;
import routes.saga.StepRecord;

/**
 * Order rows built by hand for the decision and route tests: a PENDING order whose creation
 * committed, with one line unless told otherwise; and {@link #committed}, the row as
 * {@code OrderLog} leaves it once a decided change is written.
 */
public final class TestOrders {

    public static final Instant CREATED_AT = Instant.parse("2026-01-05T10:00:00Z");

    private final String orderId;
    private List<OrderLine> items = List.of(new OrderLine("SKU-1", 2, new BigDecimal("9.99")));
    private OrderStatus status = OrderStatus.PENDING;
    private String reason;
    private final List<StepRecord> steps = new ArrayList<>();
    private final Set<String> doneSteps = new LinkedHashSet<>();
    private final Set<String> compensatedSteps = new LinkedHashSet<>();
    private Instant createdAt = CREATED_AT;
    private String sagaId;

    private TestOrders(String orderId) {
        this.orderId = orderId;
        done(SagaStep.ORDER_CREATE);
    }

    /** A PENDING order with order-create done. */
    public static TestOrders pendingOrder(String orderId) {
        return new TestOrders(orderId);
    }

    public TestOrders items(OrderLine... lines) {
        this.items = List.of(lines);
        return this;
    }

    /** Steps that committed: each in doneSteps, with a DONE history entry. */
    public TestOrders done(SagaStep... committed) {
        Arrays.stream(committed).forEach(step -> {
            doneSteps.add(step.id());
            steps.add(new StepRecord(step.id(), "DONE", createdAt));
        });
        return this;
    }

    /** Compensations that committed: each in compensatedSteps, with a COMPENSATED history entry. */
    public TestOrders compensated(SagaStep... committed) {
        Arrays.stream(committed).forEach(step -> {
            compensatedSteps.add(step.id());
            steps.add(new StepRecord(step.id(), "COMPENSATED", createdAt));
        });
        return this;
    }

    public TestOrders status(OrderStatus status) {
        this.status = status;
        return this;
    }

    public TestOrders reason(String reason) {
        this.reason = reason;
        return this;
    }

    public TestOrders createdAt(Instant createdAt) {
        this.createdAt = createdAt;
        return this;
    }

    /** The saga that owns the order. */
    public TestOrders sagaId(String sagaId) {
        this.sagaId = sagaId;
        return this;
    }

    public Order build() {
        BigDecimal total = items.stream().map(OrderLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Order(orderId, "customer-1", items, total, status, reason, 1, List.copyOf(steps),
                Set.copyOf(doneSteps), Set.copyOf(compensatedSteps), "event-1", "request-hash-" + orderId, createdAt,
                sagaId, "tok_ok", createdAt, false);
    }

    /** The row after {@code change} commits, as OrderLog writes it: mark, history, status, reason, version. */
    public static Order committed(Order order, SagaChange change) {
        List<StepRecord> steps = new ArrayList<>(order.steps());
        steps.add(new StepRecord(change.step().id(), change.history(), order.createdAt()));
        Set<String> done = new LinkedHashSet<>(order.doneSteps());
        Set<String> compensated = new LinkedHashSet<>(order.compensatedSteps());
        switch (change.mark()) {
            case DONE -> done.add(change.step().id());
            case COMPENSATED -> compensated.add(change.step().id());
            case NONE -> { }
        }
        return new Order(order.orderId(), order.customerId(), order.items(), order.total(),
                change.newStatus() != null ? (OrderStatus) change.newStatus() : order.status(),
                change.reason() != null ? change.reason() : order.reason(),
                order.version() + 1, List.copyOf(steps), Set.copyOf(done), Set.copyOf(compensated),
                change.eventType() != null ? "event-" + (order.version() + 1) : order.lastEventId(),
                order.requestHash(), order.createdAt(),
                change.owner() != null ? change.owner() : order.sagaId(), order.paymentToken(), order.createdAt(),
                change.reconcile() != null ? change.reconcile() : order.reconcileDue());
    }
}
