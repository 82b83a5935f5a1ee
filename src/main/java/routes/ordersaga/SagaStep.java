package routes.ordersaga;

import java.util.Arrays;
import java.util.List;
import routes.saga.Step;

/**
 * The order saga, declared once: its steps in the order they run, each with the compensation that
 * undoes it, and the compensations in the order they run. The saga route, the recovery route, the
 * order's rules and the tests read this; a participant route serves each step under its id.
 */
public enum SagaStep implements Step {
    // The steps, in the order they run. Order-create runs in the HTTP request, the others after it.
    ORDER_CREATE(Kind.STEP, "order-create", "order-cancel"),
    INVENTORY_RESERVE(Kind.STEP, "inventory-reserve", "inventory-release"),
    PAYMENT_CAPTURE(Kind.STEP, "payment-capture", "payment-refund"),
    ORDER_CONFIRM(Kind.STEP, "order-confirm", null),
    // The compensations, in the order they run: the reverse of their steps.
    PAYMENT_REFUND(Kind.COMPENSATION, "payment-refund", null),
    INVENTORY_RELEASE(Kind.COMPENSATION, "inventory-release", null),
    ORDER_CANCEL(Kind.COMPENSATION, "order-cancel", null),
    /** Not a route: a failed step writing down why the saga is about to compensate. */
    FAILURE(Kind.NOTE, "failure", null);

    private enum Kind { STEP, COMPENSATION, NOTE }

    private final Kind kind;
    private final String id;
    private final String compensationId;

    SagaStep(Kind kind, String id, String compensationId) {
        this.kind = kind;
        this.id = id;
        this.compensationId = compensationId;
    }

    @Override
    public String id() {
        return id;
    }

    /** The compensation that undoes this step, or null when it has none (or is one). */
    public SagaStep compensation() {
        return compensationId == null ? null : byId(compensationId);
    }

    /** The step that {@code compensation} undoes. */
    public static SagaStep undoneBy(SagaStep compensation) {
        return steps().stream().filter(step -> step.compensation() == compensation).findFirst().orElseThrow();
    }

    /** The steps, in the order they run. */
    public static List<SagaStep> steps() {
        return Arrays.stream(values()).filter(step -> step.kind == Kind.STEP).toList();
    }

    /** The steps that run after the order is created, in the background. */
    public static List<SagaStep> backgroundSteps() {
        return steps().subList(1, steps().size());
    }

    /** The compensations, in the order they run. */
    public static List<SagaStep> compensations() {
        return Arrays.stream(values()).filter(step -> step.kind == Kind.COMPENSATION).toList();
    }

    private static SagaStep byId(String id) {
        return Arrays.stream(values()).filter(step -> step.id.equals(id)).findFirst().orElseThrow();
    }
}
