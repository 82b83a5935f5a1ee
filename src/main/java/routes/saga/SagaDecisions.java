package routes.saga;

/** Decisions every saga makes the same way, whatever its steps. */
public final class SagaDecisions {

    private SagaDecisions() {}

    /**
     * Writes down why the saga is about to compensate (with the failed step's event, if any), unless
     * a reason or a final status is there already.
     */
    public static StepDecision recordFailure(SagaRecord row, Step failure, String reason, String eventType,
            String eventData) {
        if (row.status().terminal() || row.reason() != null) {
            return StepDecision.alreadyApplied("reason already known");
        }
        return StepDecision.apply(SagaChange.noted(failure, "FAILED", eventType, eventData).withStatus(null, reason));
    }
}
