package routes.explorer;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One saga in {@code GET /api/sagas}.
 *
 * @param ageSeconds  seconds since the saga started, for ended sagas too (their duration is updatedAt - startedAt)
 * @param currentStep see {@link SagaProgress}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(requiredProperties = {"orderId", "status", "startedAt", "updatedAt", "ageSeconds"},
        additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
record SagaSummary(String orderId, String status, String reason, Instant startedAt, Instant updatedAt,
        long ageSeconds, String currentStep) {

    static SagaSummary of(SagaRow row, Instant now) {
        return new SagaSummary(row.orderId(), row.status(), row.reason(), row.startedAt(), row.updatedAt(),
                Math.max(0, Duration.between(row.startedAt(), now).toSeconds()), SagaProgress.currentStep(row));
    }

    /** A page of sagas; {@code next} (absent on the last page) asks for the following one. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "SagaPage", requiredProperties = "sagas", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    record Page(List<SagaSummary> sagas, String next) {}
}
