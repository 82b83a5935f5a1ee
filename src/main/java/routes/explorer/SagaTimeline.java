package routes.explorer;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** {@code GET /api/sagas/{orderId}}: the saga's status and its timeline, oldest first. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(requiredProperties = {"orderId", "status", "timeline"}, additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
record SagaTimeline(String orderId, String status, String reason, List<TimelineItem> timeline) {}
