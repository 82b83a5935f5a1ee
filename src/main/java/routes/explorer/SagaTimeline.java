package routes.explorer;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** {@code GET /api/sagas/{orderId}}: the saga's status and its timeline, oldest first. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SagaTimeline(String orderId, String status, String reason, List<TimelineItem> timeline) {}
