package routes.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import routes.ordersaga.SagaHeaders;
import routes.ordersaga.SagaProperties;
import routes.ordersaga.SagaRouteConfigurations;
import routes.saga.TransientFailure;
import routes.support.ResourceDefaults;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;

/** The journal only explains: when its table cannot be written, the step it describes goes on as before. */
class TimelineJournalFailureTest {

    final AtomicInteger writes = new AtomicInteger();
    final DynamoDbClient unreachable = new DynamoDbClient() {
        @Override
        public PutItemResponse putItem(PutItemRequest request) {
            writes.incrementAndGet();
            throw SdkClientException.create("Unable to execute HTTP request: connect timed out");
        }

        @Override
        public String serviceName() {
            return "dynamodb";
        }

        @Override
        public void close() {}
    };
    final TimelineJournal journal = new TimelineJournal(unreachable, ResourceDefaults.names(),
            new Binder(new MapConfigurationPropertySource()).bindOrCreate("app.timeline", TimelineProperties.class),
            Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC));
    CamelContext camel;

    @AfterEach
    void stop() {
        if (camel != null) {
            camel.stop();
        }
    }

    @Test
    void aFailedWriteIsSwallowed() {
        assertThatCode(() -> journal.record(TimelineEntry.retry("order-1", journal.now(), "payment-capture", 1, "boom")))
                .doesNotThrowAnyException();
        assertThat(writes).hasValue(1);
    }

    @Test
    void aStepRetriedWhileTheJournalIsUnreachableStillSucceedsOnItsRetry() throws Exception {
        MapConfigurationPropertySource quick = new MapConfigurationPropertySource(Map.of(
                "app.saga.step-retry-delay", "1ms", "app.saga.step-retry-max-delay", "5ms"));
        SagaProperties saga = new Binder(quick).bindOrCreate("app.saga", SagaProperties.class);
        AtomicInteger calls = new AtomicInteger();
        camel = new DefaultCamelContext();
        camel.addRoutes(new SagaRouteConfigurations(saga, journal));
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:payment-capture").routeId("payment-capture")
                        .routeConfigurationId(SagaRouteConfigurations.SAGA_STEP)
                        .process(exchange -> {
                            if (calls.incrementAndGet() <= 2) {
                                throw new TransientFailure("provider unavailable");
                            }
                            exchange.getMessage().setBody("captured");
                        });
            }
        });
        camel.start();

        Exchange done = camel.createProducerTemplate().send("direct:payment-capture",
                exchange -> exchange.getMessage().setHeader(SagaHeaders.ORDER_ID, "order-1"));

        assertThat(done.getException()).isNull();
        assertThat(done.getMessage().getBody(String.class)).isEqualTo("captured");
        assertThat(calls).hasValue(3);
        // Each retry tried to journal, and failed.
        assertThat(writes).hasValue(2);
    }
}
