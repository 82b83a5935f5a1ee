package routes.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class InboundEventsTest {

    static final String VALID = """
            {"specversion":"1.0","id":"e-1","source":"/camel-saga-outbox/order","type":"order.confirmed",
             "subject":"o-1","time":"2026-11-22T10:15:30.12Z","datacontenttype":"application/json",
             "correlationid":"o-1","causationid":"e-0","aggregatetype":"order","aggregateversion":"4",
             "data":{"orderId":"o-1","customerId":"c-1","total":19.98}}""";

    final InboundEvents events = new InboundEvents(Set.of("order.confirmed", "order.cancelled"));

    @Test
    void aValidCloudEventIsReadWithEveryAttribute() {
        InboundEvent event = events.parse(VALID);

        assertThat(event.id()).isEqualTo("e-1");
        assertThat(event.type()).isEqualTo("order.confirmed");
        assertThat(event.aggregateVersion()).isEqualTo(4);
        assertThat(event.causationId()).isEqualTo("e-0");
        assertThat(event.orderId()).isEqualTo("o-1");
        assertThat(event.customerId()).isEqualTo("c-1");
        assertThat(event.time()).hasToString("2026-11-22T10:15:30.120Z");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "empty body|   |empty message",
            "not JSON|hello|not JSON",
            "JSON array|[1,2]|not a CloudEvent: not a JSON object",
            "no id|{\"specversion\":\"1.0\",\"source\":\"/s\",\"type\":\"order.confirmed\"}|not a CloudEvent: missing id",
            "no source|{\"specversion\":\"1.0\",\"id\":\"e\",\"type\":\"order.confirmed\"}|not a CloudEvent: missing source",
            "no type|{\"specversion\":\"1.0\",\"id\":\"e\",\"source\":\"/s\"}|not a CloudEvent: missing type",
            "no specversion|{\"id\":\"e\",\"source\":\"/s\",\"type\":\"order.confirmed\"}|not a CloudEvent: missing specversion",
            "specversion 0.3|{\"specversion\":\"0.3\",\"id\":\"e\",\"source\":\"/s\",\"type\":\"order.confirmed\"}|unsupported CloudEvents specversion 0.3",
            "unknown type|{\"specversion\":\"1.0\",\"id\":\"e\",\"source\":\"/s\",\"type\":\"order.shipped\"}|unsupported event type order.shipped"})
    void aMessageThatIsNotAUsableCloudEventIsRefusedWithItsReason(String what, String body, String reason) {
        assertThatThrownBy(() -> events.parse(body)).isInstanceOf(InvalidEventException.class).hasMessageStartingWith(reason);
    }

    @Test
    void dataWithoutTheCustomerFailsValidation() {
        assertThatThrownBy(() -> events.parse(VALID.replace("\"customerId\":\"c-1\",", "")))
                .isInstanceOf(InvalidEventException.class).hasMessage("data fails validation: missing customerId");
    }

    @Test
    void aVersionThatIsNotAPositiveIntegerIsRefused() {
        assertThatThrownBy(() -> events.parse(VALID.replace("\"aggregateversion\":\"4\"", "\"aggregateversion\":\"four\"")))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("aggregateversion");
        assertThatThrownBy(() -> events.parse(VALID.replace("\"aggregateversion\":\"4\"", "\"aggregateversion\":0")))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("aggregateversion");
    }

    @Test
    void aMissingCorrelationIdIsRefused() {
        assertThatThrownBy(() -> events.parse(VALID.replace("\"correlationid\":\"o-1\",", "")))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("correlationid");
    }
}
