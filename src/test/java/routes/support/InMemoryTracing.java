package routes.support;

import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * An OpenTelemetry SDK whose spans stay in memory for the test to read; Camel's tracer
 * (camel-opentelemetry2) finds its {@link Tracer} and {@link ContextPropagators} among the beans.
 */
@TestConfiguration(proxyBeanMethods = false)
public class InMemoryTracing {

    @Bean
    InMemorySpanExporter spans() {
        return InMemorySpanExporter.create();
    }

    @Bean(destroyMethod = "close")
    OpenTelemetrySdk openTelemetry(InMemorySpanExporter spans) {
        return OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                .build();
    }

    @Bean
    Tracer camelTracer(OpenTelemetrySdk openTelemetry) {
        return openTelemetry.getTracer("camel");
    }

    @Bean
    ContextPropagators propagators(OpenTelemetrySdk openTelemetry) {
        return openTelemetry.getPropagators();
    }
}
