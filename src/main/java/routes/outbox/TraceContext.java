package routes.outbox;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import java.util.regex.Pattern;

/**
 * The W3C trace context ({@code traceparent}) an order carries from its POST to its events'
 * consumers: on the order row, on every outbox item, as the CloudEvent's distributed-tracing
 * extension and as the SNS/SQS message attribute Camel's tracer reads on the consumer side. Only a
 * well-formed value is ever kept, so no request text reaches a row or an attribute.
 */
public final class TraceContext {

    /** The HTTP header, the outbox and order attribute, the CloudEvent extension and the message attribute. */
    public static final String TRACEPARENT = "traceparent";

    // Version 00 exactly as W3C Trace Context level 1 lays it out (lower-case hex, no all-zero ids).
    private static final Pattern W3C = Pattern.compile("00-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}");

    private TraceContext() {}

    /** The value when it is a well-formed traceparent, otherwise null. */
    public static String valid(Object traceparent) {
        return traceparent instanceof String value && W3C.matcher(value).matches() ? value : null;
    }

    /** The traceparent of the span current on this thread, or null when nothing traces it. */
    public static String ofCurrentSpan() {
        SpanContext span = Span.current().getSpanContext();
        if (!span.isValid()) {
            return null;
        }
        return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex();
    }
}
