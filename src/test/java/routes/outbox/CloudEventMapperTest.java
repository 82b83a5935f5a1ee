package routes.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.jackson.JsonFormat;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CloudEventMapperTest {

    static final OutboxProperties SETTINGS = new OutboxProperties("/camel-saga-outbox", Duration.ofHours(24),
            Duration.ofSeconds(5), Duration.ofSeconds(5), 500, 10, Duration.ofMillis(500), 3, Duration.ofMillis(200),
            Duration.ofSeconds(5));
    static final Instant COMMITTED = Instant.parse("2026-11-22T10:15:30.123Z");

    final CloudEventMapper mapper = new CloudEventMapper(SETTINGS);

    static OutboxEvent event(String causationId) {
        return new OutboxEvent("4f0c8a52-1f5e-4a1b-9d55-8c3b1d6e2a10", "payment.captured", "order", "o-1", 3, "o-1",
                causationId, COMMITTED, "{\"orderId\":\"o-1\",\"amount\":19.98}");
    }

    @Test
    void everyAttributeComesFromTheStoredEventAndTheDocumentParsesAsCloudEvents10() throws Exception {
        String json = mapper.toJson(event("9a1c…cause"));

        CloudEvent parsed = new JsonFormat().deserialize(json.getBytes(StandardCharsets.UTF_8));
        assertThat(parsed.getSpecVersion()).isEqualTo(SpecVersion.V1);
        assertThat(parsed.getId()).isEqualTo("4f0c8a52-1f5e-4a1b-9d55-8c3b1d6e2a10");
        assertThat(parsed.getSource()).isEqualTo(URI.create("/camel-saga-outbox/payment"));
        assertThat(parsed.getType()).isEqualTo("payment.captured");
        assertThat(parsed.getSubject()).isEqualTo("o-1");
        assertThat(parsed.getTime()).isEqualTo(OffsetDateTime.ofInstant(COMMITTED, ZoneOffset.UTC));
        assertThat(parsed.getDataContentType()).isEqualTo("application/json");
        assertThat(parsed.getExtension("correlationid")).isEqualTo("o-1");
        assertThat(parsed.getExtension("causationid")).isEqualTo("9a1c…cause");
        assertThat(parsed.getExtension("aggregatetype")).isEqualTo("order");
        assertThat(parsed.getExtension("aggregateversion").toString()).isEqualTo("3");
        ObjectMapper objects = new ObjectMapper();
        assertThat(objects.readTree(parsed.getData().toBytes())).isEqualTo(objects.readTree(event(null).data()));
        // Structured mode: the data is the JSON object itself, not a string or base64.
        JsonNode document = objects.readTree(json);
        assertThat(document.get("data").isObject()).isTrue();
        assertThat(document.get("specversion").asText()).isEqualTo("1.0");
    }

    @Test
    void theSameStoredEventAlwaysGivesTheSameId() {
        assertThat(mapper.toCloudEvent(event(null)).getId()).isEqualTo(mapper.toCloudEvent(event(null)).getId());
    }

    @Test
    void firstEventOfAnAggregateHasNoCausationId() {
        CloudEvent first = mapper.toCloudEvent(event(null));

        assertThat(first.getExtensionNames()).containsExactlyInAnyOrder("correlationid", "aggregatetype", "aggregateversion");
        assertThat(mapper.attributes(event(null))).doesNotContainKey("causationid");
    }

    @Test
    void snsAttributesAreExactlyTheAllowList() {
        var attributes = mapper.attributes(event("cause-1"));

        assertThat(attributes).containsOnlyKeys("type", "correlationid", "causationid", "aggregatetype", "aggregateversion");
        assertThat(attributes.get("type").stringValue()).isEqualTo("payment.captured");
        assertThat(attributes.get("aggregateversion").dataType()).isEqualTo("Number");
        assertThat(attributes.get("aggregateversion").stringValue()).isEqualTo("3");
        assertThat(attributes.get("correlationid").dataType()).isEqualTo("String");
    }

    @Test
    void extensionNamesAreLowerCaseAlphanumericAsTheSpecRequires() {
        assertThat(mapper.toCloudEvent(event("c")).getExtensionNames()).allMatch(name -> name.matches("[a-z0-9]{1,20}"));
    }
}
