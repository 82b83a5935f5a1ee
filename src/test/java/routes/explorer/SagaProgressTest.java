package routes.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import routes.saga.StepRecord;

/** Which step a listed saga is at. */
class SagaProgressTest {

    static final Instant T = Instant.parse("2026-11-30T12:00:00Z");

    static SagaRow row(String status, List<String> history, Set<String> done, Set<String> compensated) {
        return new SagaRow("o", status, null, T, T, history.stream().map(step -> new StepRecord(step, "DONE", T)).toList(),
                done, compensated);
    }

    @Test
    void aRunningSagaIsAtTheFirstStepNotDone() {
        assertThat(SagaProgress.currentStep(row("PENDING", List.of("order-create"), Set.of("order-create"), Set.of())))
                .isEqualTo("inventory-reserve");
        assertThat(SagaProgress.currentStep(row("PENDING", List.of("order-create", "inventory-reserve"),
                Set.of("order-create", "inventory-reserve"), Set.of()))).isEqualTo("payment-capture");
    }

    @Test
    void aCompensatingSagaIsAtTheFirstCompensationNotRecorded() {
        assertThat(SagaProgress.currentStep(row("PENDING", List.of("order-create", "inventory-reserve", "failure"),
                Set.of("order-create", "inventory-reserve"), Set.of()))).isEqualTo("payment-refund");
        assertThat(SagaProgress.currentStep(row("PENDING", List.of("order-create", "inventory-reserve", "payment-refund"),
                Set.of("order-create", "inventory-reserve"), Set.of("payment-refund")))).isEqualTo("inventory-release");
    }

    @Test
    void anEndedSagaIsAtItsLastRecordedStep() {
        assertThat(SagaProgress.currentStep(row("CANCELLED", List.of("order-create", "order-cancel", "payment-capture"),
                Set.of("order-create"), Set.of("order-cancel")))).isEqualTo("payment-capture");
    }
}
