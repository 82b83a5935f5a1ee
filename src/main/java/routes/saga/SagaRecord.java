package routes.saga;

import java.util.List;
import java.util.Set;

/**
 * The part of a saga's row that the step engine reads and writes: the saga's log. {@code doneSteps}
 * and {@code compensatedSteps} say which steps and compensations have committed; every transition
 * is guarded by {@code version}, so two writers never both apply against the same state.
 */
public interface SagaRecord {

    /** The row's key: the id of what the saga is about. */
    String id();

    long version();

    SagaStatus status();

    /** Why the saga is compensating, once a step wrote it down. */
    String reason();

    List<StepRecord> steps();

    Set<String> doneSteps();

    Set<String> compensatedSteps();

    /** The newest event written for the row: the causation id of the next. */
    String lastEventId();

    /** The saga that owns the row: only its compensations act on it. */
    String sagaId();

    /** Ended, but to be checked again (the row stays in the pending index until that is done). */
    boolean reconcileDue();

    /** W3C trace context of the request that began the saga, or null: every event of the row carries it. */
    default String traceparent() {
        return null;
    }

    /** Whether the saga {@code sagaId} may compensate this row: it owns it, or nobody does. */
    default boolean ownedBy(String sagaId) {
        return sagaId == null || sagaId() == null || sagaId().equals(sagaId);
    }

    default boolean done(Step step) {
        return doneSteps().contains(step.id());
    }

    default boolean compensated(Step step) {
        return compensatedSteps().contains(step.id());
    }

    /** Whether the step history holds this step with this status. */
    default boolean hasHistory(Step step, String status) {
        return steps().stream().anyMatch(s -> s.step().equals(step.id()) && s.status().equals(status));
    }
}
