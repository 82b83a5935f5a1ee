package routes.saga;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** One entry of a saga's step history: the step, what happened to it, and when. */
@Schema(requiredProperties = {"step", "status", "at"}, additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
public record StepRecord(String step, String status, Instant at) {}
