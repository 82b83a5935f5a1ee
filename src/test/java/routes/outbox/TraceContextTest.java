package routes.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Which traceparent values are kept, and where a kept one goes in the published event. */
class TraceContextTest {

    private static final String VALID = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void onlyAWellFormedVersion00TraceparentIsKept() {
        assertThat(TraceContext.valid(VALID)).isEqualTo(VALID);
        assertThat(TraceContext.valid("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00")).isNotNull();
        assertThat(new String[] {null, "", "hello", VALID.toUpperCase(), VALID + " ", VALID + "-01", "01" + VALID.substring(2),
                "00-" + "0".repeat(32) + "-00f067aa0ba902b7-01", "00-4bf92f3577b34da6a3ce929d0e0e4736-" + "0".repeat(16) + "-01",
                VALID.replace('-', '_'), VALID + "\r\nX-Injected: yes"})
                .allSatisfy(invalid -> assertThat(TraceContext.valid(invalid)).as(String.valueOf(invalid)).isNull());
        assertThat(TraceContext.valid(42)).isNull();
    }

    @Test
    void withoutTracingThereIsNoCurrentSpanToTakeATraceparentFrom() {
        assertThat(TraceContext.ofCurrentSpan()).isNull();
    }

    @Test
    void aTracedEventCarriesItAsCloudEventExtensionAndSnsAttributeAndAnUntracedOneCarriesNeither() {
        CloudEventMapper mapper = new CloudEventMapper(CloudEventMapperTest.SETTINGS);
        OutboxEvent traced = event(VALID);
        OutboxEvent untraced = event(null);

        assertThat(mapper.toCloudEvent(traced).getExtension(TraceContext.TRACEPARENT)).isEqualTo(VALID);
        assertThat(mapper.attributes(traced).get(TraceContext.TRACEPARENT).stringValue()).isEqualTo(VALID);
        assertThat(mapper.toCloudEvent(untraced).getExtensionNames()).doesNotContain(TraceContext.TRACEPARENT);
        assertThat(mapper.attributes(untraced)).doesNotContainKey(TraceContext.TRACEPARENT);
        assertThat(mapper.attributes(event("not-a-traceparent"))).doesNotContainKey(TraceContext.TRACEPARENT);
    }

    private static OutboxEvent event(String traceparent) {
        return new OutboxEvent("e-1", "order.created", "order", "o-1", 1, "o-1", null, Instant.parse("2026-01-05T10:00:00Z"),
                "{\"orderId\":\"o-1\"}", traceparent);
    }
}
