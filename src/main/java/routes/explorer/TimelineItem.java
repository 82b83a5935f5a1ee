package routes.explorer;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;

/**
 * One entry of a saga's timeline. {@code detail} is an object whose fields depend on the kind:
 * step/compensation {@code status} (and {@code reason} for the failure); retry {@code attempt},
 * {@code error}; event-published {@code eventId}, {@code published}, {@code relayLagMs};
 * event-consumed {@code consumer}, {@code eventId}, {@code outcome}; dead-letter {@code consumer},
 * {@code eventId}, {@code reason}; notice {@code text}, {@code eventId}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(requiredProperties = {"at", "kind", "name"}, additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
record TimelineItem(Instant at, String kind, String name, Map<String, Object> detail) {

    static final String STEP = "step";
    static final String COMPENSATION = "compensation";
    static final String EVENT_PUBLISHED = "event-published";
    static final String NOTICE = "notice";
    static final String APPLIED = "applied";
}
