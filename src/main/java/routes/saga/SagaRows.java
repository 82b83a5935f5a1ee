package routes.saga;

import static routes.aws.DynamoValues.s;
import static routes.aws.DynamoValues.string;
import static routes.aws.DynamoValues.timestamp;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The attributes of a saga's row that the step engine owns, beside the row's own (the subject's). */
public final class SagaRows {

    public static final String STATUS = "status";
    public static final String REASON = "reason";
    public static final String VERSION = "version";
    public static final String STEPS = "steps";
    public static final String DONE_STEPS = "doneSteps";
    public static final String COMPENSATED_STEPS = "compensatedSteps";
    public static final String LAST_EVENT_ID = "lastEventId";
    public static final String UPDATED_AT = "updatedAt";
    /** The saga that owns the row: tells a retry of its own write from another request's. */
    public static final String SAGA_ID = "sagaId";
    /**
     * Present only while the row needs recovery: {@link #RUNNING} while its saga runs, then
     * {@link #RECONCILE} while an ended saga waits to be checked again. Recovery scans both through
     * a sparse index.
     */
    public static final String PENDING_BUCKET = "pendingBucket";
    public static final String RUNNING = "PENDING";
    public static final String RECONCILE = "RECONCILE";

    private SagaRows() {}

    public static AttributeValue step(StepRecord step) {
        return AttributeValue.fromM(Map.of("step", s(step.step()), "status", s(step.status()), "at", timestamp(step.at())));
    }

    public static List<StepRecord> steps(Map<String, AttributeValue> item) {
        return item.get(STEPS).l().stream().map(v -> step(v.m())).toList();
    }

    public static Set<String> stringSet(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || !value.hasSs() ? Set.of() : new LinkedHashSet<>(value.ss());
    }

    public static boolean reconcileDue(Map<String, AttributeValue> item) {
        return RECONCILE.equals(string(item, PENDING_BUCKET));
    }

    private static StepRecord step(Map<String, AttributeValue> m) {
        return new StepRecord(string(m, "step"), string(m, "status"), Instant.parse(string(m, "at")));
    }
}
