package routes.saga;

import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * What one saga step or compensation writes in its single transaction: its mark on the saga's row,
 * an entry in the row's step history, its event, and the rows of its own bounded context. Built
 * from {@link #done}, {@link #compensated} or {@link #noted}, then the {@code with…} methods.
 *
 * @param history           status shown for the step in the row's history (DONE, COMPENSATED, FAILED…)
 * @param newStatus         the saga's new status, or null to keep it
 * @param reason            why the saga is compensating, or null to keep it
 * @param eventType         the event to put in the outbox, or null for none
 * @param eventData         the event's data as JSON
 * @param otherItems        the step's own rows (stock, payments), written in the same transaction
 * @param whenOtherItemsRejected the business failure to raise when a condition of those rows fails
 * @param owner             the saga that takes the row over, or null to keep the owner
 * @param reconcile         true: the ended saga must be checked again later; false: it has been;
 *                          null: no change
 */
public record SagaChange(
        Step step,
        StepMark mark,
        String history,
        SagaStatus newStatus,
        String reason,
        String eventType,
        String eventData,
        List<TransactWriteItem> otherItems,
        Supplier<? extends RuntimeException> whenOtherItemsRejected,
        String owner,
        Boolean reconcile) {

    /** Which of the row's step sets the change adds the step to. */
    public enum StepMark { DONE, COMPENSATED, NONE }

    /** The step committed: adds it to doneSteps. */
    public static SagaChange done(Step step, String eventType, String eventData) {
        return new SagaChange(step, StepMark.DONE, "DONE", null, null, eventType, eventData, List.of(), null, null, null);
    }

    /** The compensation committed: adds it to compensatedSteps, so its step can no longer apply. */
    public static SagaChange compensated(Step step, String eventType, String eventData) {
        return new SagaChange(step, StepMark.COMPENSATED, "COMPENSATED", null, null, eventType, eventData, List.of(),
                null, null, null);
    }

    /** Only a history entry (and maybe an event), for facts that change no step set. */
    public static SagaChange noted(Step step, String history, String eventType, String eventData) {
        return new SagaChange(step, StepMark.NONE, history, null, null, eventType, eventData, List.of(), null, null, null);
    }

    /** The same change, shown in the history with another status. */
    public SagaChange withHistory(String status) {
        return new SagaChange(step, mark, status, newStatus, reason, eventType, eventData, otherItems,
                whenOtherItemsRejected, owner, reconcile);
    }

    public SagaChange withStatus(SagaStatus status, String reason) {
        return new SagaChange(step, mark, history, status, reason, eventType, eventData, otherItems,
                whenOtherItemsRejected, owner, reconcile);
    }

    public SagaChange withOtherItems(List<TransactWriteItem> items, Supplier<? extends RuntimeException> rejected) {
        return new SagaChange(step, mark, history, newStatus, reason, eventType, eventData, items, rejected, owner, reconcile);
    }

    public SagaChange withOwner(String sagaId) {
        return new SagaChange(step, mark, history, newStatus, reason, eventType, eventData, otherItems,
                whenOtherItemsRejected, sagaId, reconcile);
    }

    public SagaChange withReconcile(boolean due) {
        return new SagaChange(step, mark, history, newStatus, reason, eventType, eventData, otherItems,
                whenOtherItemsRejected, owner, due);
    }
}
