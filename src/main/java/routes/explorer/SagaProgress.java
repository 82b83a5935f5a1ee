package routes.explorer;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import routes.ordersaga.OrderStatus;
import routes.ordersaga.SagaStep;
import routes.saga.StepRecord;

/**
 * Which step a saga is at. A running saga: the step it runs or is about to run (the first step not
 * done; once it compensates, the first compensation, in the order they run, not yet recorded). An ended saga: the last step it
 * recorded.
 */
final class SagaProgress {

    private SagaProgress() {}

    static String currentStep(SagaRow row) {
        List<StepRecord> steps = row.steps();
        if (!OrderStatus.PENDING.name().equals(row.status())) {
            return steps.isEmpty() ? null : steps.get(steps.size() - 1).step();
        }
        Set<String> recorded = steps.stream().map(StepRecord::step).collect(Collectors.toSet());
        boolean compensating = recorded.contains(SagaStep.FAILURE.id()) || !row.compensatedSteps().isEmpty();
        if (compensating) {
            return SagaStep.compensations().stream().map(SagaStep::id)
                    .filter(undo -> !row.compensatedSteps().contains(undo))
                    .findFirst().orElse(SagaStep.ORDER_CANCEL.id());
        }
        return SagaStep.steps().stream().map(SagaStep::id).filter(step -> !row.doneSteps().contains(step))
                .findFirst().orElse(SagaStep.ORDER_CONFIRM.id());
    }
}
