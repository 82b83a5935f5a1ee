package routes.outbox;

import org.apache.camel.Body;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * Reads the outbox table's stream records. Only an INSERT is a new event: a MODIFY is the relay's
 * own "published" mark, a REMOVE (a TTL expiry too: DynamoDB reports it as a REMOVE by the service
 * identity) is housekeeping. Those are counted and skipped, never failed.
 */
@Component
public class OutboxStreamRecords {

    private final OutboxMetrics metrics;

    public OutboxStreamRecords(OutboxMetrics metrics) {
        this.metrics = metrics;
    }

    public boolean isNewEvent(@Body Record record) {
        return record.eventName() == OperationType.INSERT && record.dynamodb() != null
                && record.dynamodb().hasNewImage();
    }

    public OutboxEvent toEvent(@Body Record record) {
        return OutboxItems.fromItem(record.dynamodb().newImage());
    }

    public void skip(@Body Record record) {
        metrics.skipped(record.eventNameAsString());
    }
}
