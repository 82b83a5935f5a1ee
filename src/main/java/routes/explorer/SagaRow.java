package routes.explorer;

import static routes.aws.DynamoValues.string;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import routes.saga.SagaRows;
import routes.saga.StepRecord;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The part of an order row the explorer shows: where its saga stands and the steps it recorded. */
record SagaRow(String orderId, String status, String reason, Instant startedAt, Instant updatedAt,
        List<StepRecord> steps, Set<String> doneSteps, Set<String> compensatedSteps) {

    static final String ORDER_ID = "orderId";
    static final String CREATED_AT = "createdAt";

    static SagaRow of(Map<String, AttributeValue> item) {
        Instant startedAt = Instant.parse(string(item, CREATED_AT));
        String updatedAt = string(item, SagaRows.UPDATED_AT);
        return new SagaRow(string(item, ORDER_ID), string(item, SagaRows.STATUS), string(item, SagaRows.REASON),
                startedAt, updatedAt == null ? startedAt : Instant.parse(updatedAt),
                item.containsKey(SagaRows.STEPS) ? SagaRows.steps(item) : List.of(),
                SagaRows.stringSet(item, SagaRows.DONE_STEPS), SagaRows.stringSet(item, SagaRows.COMPENSATED_STEPS));
    }
}
