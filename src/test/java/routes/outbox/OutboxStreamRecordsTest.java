package routes.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

class OutboxStreamRecordsTest {

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final OutboxStreamRecords records = new OutboxStreamRecords(new OutboxMetrics(registry));

    static Record record(String eventName, Map<String, AttributeValue> newImage) {
        StreamRecord.Builder stream = StreamRecord.builder();
        if (newImage != null) {
            stream.newImage(newImage);
        }
        return Record.builder().eventName(eventName).dynamodb(stream.build()).build();
    }

    static Map<String, AttributeValue> outboxItem(String aggregateId, long version) {
        return Map.of("aggregateKey", AttributeValue.fromS("order#" + aggregateId),
                "aggregateVersion", AttributeValue.fromN(Long.toString(version)),
                "eventId", AttributeValue.fromS("event-" + aggregateId + "-" + version),
                "type", AttributeValue.fromS("order.created"),
                "aggregateType", AttributeValue.fromS("order"),
                "aggregateId", AttributeValue.fromS(aggregateId),
                "correlationId", AttributeValue.fromS(aggregateId),
                "occurredAt", AttributeValue.fromS("2026-11-22T10:15:30.123Z"),
                "data", AttributeValue.fromS("{}"),
                "pendingBucket", AttributeValue.fromS("PENDING"));
    }

    @Test
    void onlyAnInsertWithItsNewImageIsANewEvent() {
        assertThat(records.isNewEvent(record("INSERT", outboxItem("o-1", 1)))).isTrue();
        assertThat(records.isNewEvent(record("MODIFY", outboxItem("o-1", 1)))).isFalse();
        assertThat(records.isNewEvent(record("REMOVE", null))).isFalse();
        assertThat(records.isNewEvent(record("EXPIRE", null))).isFalse();
        assertThat(records.isNewEvent(record("INSERT", null))).isFalse();
    }

    @Test
    void anInsertBecomesTheStoredEvent() {
        OutboxEvent event = records.toEvent(record("INSERT", outboxItem("o-1", 2)));

        assertThat(event.eventId()).isEqualTo("event-o-1-2");
        assertThat(event.aggregateKey()).isEqualTo("order#o-1");
        assertThat(event.aggregateVersion()).isEqualTo(2);
        assertThat(event.causationId()).isNull();
    }

    @Test
    void skippedRecordsAreCountedByEventName() {
        records.skip(record("MODIFY", outboxItem("o-1", 1)));
        records.skip(record("MODIFY", outboxItem("o-1", 2)));
        records.skip(record("REMOVE", null));
        records.skip(Record.builder().dynamodb(StreamRecord.builder().build()).build());

        assertThat(registry.counter("outbox.records.skipped", "event", "MODIFY").count()).isEqualTo(2);
        assertThat(registry.counter("outbox.records.skipped", "event", "REMOVE").count()).isEqualTo(1);
        assertThat(registry.counter("outbox.records.skipped", "event", "null").count()).isEqualTo(1);
    }
}
