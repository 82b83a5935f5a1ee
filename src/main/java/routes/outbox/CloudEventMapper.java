package routes.outbox;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.jackson.JsonFormat;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * An outbox event as a CloudEvents 1.0 message in structured JSON mode, and the SNS message
 * attributes that let subscriptions filter it. The attributes come from an explicit allow-list:
 * nothing else (no Camel or AWS header) can reach SNS.
 */
@Component
public class CloudEventMapper {

    public static final String CORRELATION_ID = "correlationid";
    public static final String CAUSATION_ID = "causationid";
    public static final String AGGREGATE_TYPE = "aggregatetype";
    public static final String AGGREGATE_VERSION = "aggregateversion";
    /** The SNS message attribute the subscriptions' filter policies read. */
    public static final String TYPE = "type";

    private static final EventFormat JSON = new JsonFormat();

    private final String sourcePrefix;

    public CloudEventMapper(OutboxProperties settings) {
        this.sourcePrefix = settings.source();
    }

    public CloudEvent toCloudEvent(OutboxEvent event) {
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(event.eventId())
                .withSource(source(event))
                .withType(event.type())
                .withSubject(event.aggregateId())
                .withTime(OffsetDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(event.data().getBytes(StandardCharsets.UTF_8))
                .withExtension(CORRELATION_ID, event.correlationId())
                .withExtension(AGGREGATE_TYPE, event.aggregateType())
                .withExtension(AGGREGATE_VERSION, event.aggregateVersion());
        if (event.causationId() != null) {
            builder.withExtension(CAUSATION_ID, event.causationId());
        }
        String traceparent = TraceContext.valid(event.traceparent());
        if (traceparent != null) {
            // The CloudEvents distributed-tracing extension.
            builder.withExtension(TraceContext.TRACEPARENT, traceparent);
        }
        return builder.build();
    }

    /** The structured-mode JSON document that becomes the SNS message body. */
    public String toJson(OutboxEvent event) {
        return new String(JSON.serialize(toCloudEvent(event)), StandardCharsets.UTF_8);
    }

    /** The allow-listed SNS message attributes: the type, the CloudEvent extensions and the trace context. */
    public Map<String, MessageAttributeValue> attributes(OutboxEvent event) {
        Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
        attributes.put(TYPE, string(event.type()));
        attributes.put(CORRELATION_ID, string(event.correlationId()));
        if (event.causationId() != null) {
            attributes.put(CAUSATION_ID, string(event.causationId()));
        }
        attributes.put(AGGREGATE_TYPE, string(event.aggregateType()));
        attributes.put(AGGREGATE_VERSION, MessageAttributeValue.builder().dataType("Number")
                .stringValue(Long.toString(event.aggregateVersion())).build());
        String traceparent = TraceContext.valid(event.traceparent());
        if (traceparent != null) {
            // Delivered raw, it becomes the SQS message attribute, then the header Camel's tracer continues.
            attributes.put(TraceContext.TRACEPARENT, string(traceparent));
        }
        return attributes;
    }

    /** A URI reference naming the service that wrote the event: the prefix and the type's bounded context. */
    URI source(OutboxEvent event) {
        String type = event.type();
        String context = type.contains(".") ? type.substring(0, type.indexOf('.')) : type;
        return URI.create(sourcePrefix + "/" + context);
    }

    private static MessageAttributeValue string(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}
