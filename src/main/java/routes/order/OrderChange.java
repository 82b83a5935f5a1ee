package routes.order;

import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * What one saga step or compensation writes in its single transaction: its mark on the order row,
 * an entry in the order's step history, its event, and the rows of its own bounded context.
 *
 * @param history           status shown for the step in the order's history (DONE, COMPENSATED, FAILED…)
 * @param eventType         the event to put in the outbox, or null for none
 * @param eventData         the event's data as JSON
 * @param otherItems        the step's own rows (stock, payments), written in the same transaction
 * @param whenOtherItemsRejected the business failure to raise when a condition of those rows fails
 * @param owner             the saga that takes the order over, or null to keep the owner
 * @param reconcile         true: the order must be checked with the payment provider once it is
 *                          cancelled; false: it has been; null: no change
 */
public record OrderChange(
        SagaStep step,
        StepMark mark,
        String history,
        OrderStatus newStatus,
        String reason,
        String eventType,
        String eventData,
        List<TransactWriteItem> otherItems,
        Supplier<? extends RuntimeException> whenOtherItemsRejected,
        String owner,
        Boolean reconcile) {

    public OrderChange(SagaStep step, StepMark mark, String history, OrderStatus newStatus, String reason,
            String eventType, String eventData, List<TransactWriteItem> otherItems,
            Supplier<? extends RuntimeException> whenOtherItemsRejected) {
        this(step, mark, history, newStatus, reason, eventType, eventData, otherItems, whenOtherItemsRejected, null, null);
    }

    /** Which of the order row's step sets the change adds the step to. */
    public enum StepMark { DONE, COMPENSATED, NONE }

    /** The step committed: adds it to doneSteps. */
    public static OrderChange done(SagaStep step, String eventType, String eventData) {
        return new OrderChange(step, StepMark.DONE, "DONE", null, null, eventType, eventData, List.of(), null);
    }

    /** The compensation committed: adds it to compensatedSteps, so its step can no longer apply. */
    public static OrderChange compensated(SagaStep step, String eventType, String eventData) {
        return new OrderChange(step, StepMark.COMPENSATED, "COMPENSATED", null, null, eventType, eventData, List.of(), null);
    }

    /** Only a history entry (and maybe an event), for facts that change no step set. */
    public static OrderChange noted(SagaStep step, String history, String eventType, String eventData) {
        return new OrderChange(step, StepMark.NONE, history, null, null, eventType, eventData, List.of(), null);
    }

    public OrderChange withStatus(OrderStatus status, String reason) {
        return new OrderChange(step, mark, history, status, reason, eventType, eventData, otherItems,
                whenOtherItemsRejected, owner, reconcile);
    }

    public OrderChange withOtherItems(List<TransactWriteItem> items, Supplier<? extends RuntimeException> rejected) {
        return new OrderChange(step, mark, history, newStatus, reason, eventType, eventData, items, rejected, owner, reconcile);
    }

    public OrderChange withOwner(String sagaId) {
        return new OrderChange(step, mark, history, newStatus, reason, eventType, eventData, otherItems,
                whenOtherItemsRejected, sagaId, reconcile);
    }

    public OrderChange withReconcile(boolean due) {
        return new OrderChange(step, mark, history, newStatus, reason, eventType, eventData, otherItems,
                whenOtherItemsRejected, owner, due);
    }
}
