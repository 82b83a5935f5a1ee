package routes.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.Body;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import routes.order.OrderEvents;
import routes.outbox.CloudEventMapper;
import routes.outbox.OutboxEvent;
import routes.support.EmbeddedAwsTest;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A third consumer, declared the way a new context would: one {@link InboxConsumer} bean and one
 * route from the SQS consumer template, nothing else. It gets its queue, dead-letter queue, filtered
 * subscription, inbox and dead-letter replay from the declaration alone.
 */
@EmbeddedAwsTest
@Import(DeclaredConsumerTest.AuditConsumer.class)
class DeclaredConsumerTest {

    static final String AUDIT = "audit";

    /** What a context adds for a consumer: its declaration, its handler and its templated route. */
    @TestConfiguration(proxyBeanMethods = false)
    static class AuditConsumer {

        @Bean
        InboxConsumer auditInboxConsumer() {
            return InboxConsumer.filteredTo(AUDIT, Set.of(OrderEvents.CANCELLED));
        }

        @Bean
        AuditTrail auditTrail() {
            return new AuditTrail();
        }

        @Bean
        RouteBuilder auditRoute() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    templatedRoute(SqsConsumerRouteTemplate.TEMPLATE)
                            .routeId("audit-record")
                            .prefixId(AUDIT + "-")
                            .parameter(SqsConsumerRouteTemplate.CONSUMER, AUDIT)
                            .parameter(SqsConsumerRouteTemplate.QUEUE, AUDIT)
                            .parameter(SqsConsumerRouteTemplate.HANDLER, "auditTrail")
                            .parameter(SqsConsumerRouteTemplate.HANDLER_METHOD, "record");
                }
            };
        }
    }

    /** The test consumer's handler: every event it was handed. */
    static class AuditTrail {
        final List<InboundEvent> recorded = new CopyOnWriteArrayList<>();

        public void record(@Body InboundEvent event) {
            recorded.add(event);
        }

        List<String> idsOf(String orderId) {
            return recorded.stream().filter(event -> event.orderId().equals(orderId)).map(InboundEvent::id).toList();
        }
    }

    @Autowired SnsClient sns;
    @Autowired SqsClient sqs;
    @Autowired CloudEventMapper mapper;
    @Autowired AuditTrail trail;
    @Autowired TestRestTemplate http;
    @Autowired CamelContext camel;
    @Autowired MeterRegistry meters;

    final String orderId = "audit-" + UUID.randomUUID();

    OutboxEvent event(String type) {
        return new OutboxEvent(UUID.randomUUID().toString(), type, "order", orderId, 1, orderId, null, Instant.now(),
                "{\"orderId\":\"" + orderId + "\",\"customerId\":\"c-audit\",\"reason\":\"TIMEOUT\"}");
    }

    void publish(OutboxEvent event) {
        String topicArn = sns.createTopic(b -> b.name("order-events")).topicArn();
        sns.publish(b -> b.topicArn(topicArn).message(mapper.toJson(event)).messageAttributes(Map.of("type",
                MessageAttributeValue.builder().dataType("String").stringValue(event.type()).build())));
    }

    String url(String queue) {
        return sqs.getQueueUrl(b -> b.queueName(queue)).queueUrl();
    }

    @Test
    void itsQueueRedrivesToItsOwnDeadLetterQueueAndItsSubscriptionLetsOnlyItsTypesThrough() {
        String deadLetterArn = sqs.getQueueAttributes(b -> b.queueUrl(url("audit-dlq"))
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
        String redrive = sqs.getQueueAttributes(b -> b.queueUrl(url(AUDIT))
                .attributeNames(QueueAttributeName.REDRIVE_POLICY)).attributes().get(QueueAttributeName.REDRIVE_POLICY);
        String topicArn = sns.createTopic(b -> b.name("order-events")).topicArn();
        String filter = sns.listSubscriptionsByTopic(b -> b.topicArn(topicArn)).subscriptions().stream()
                .filter(s -> s.endpoint().endsWith(":" + AUDIT))
                .map(s -> sns.getSubscriptionAttributes(b -> b.subscriptionArn(s.subscriptionArn())).attributes().get("FilterPolicy"))
                .findFirst().orElseThrow();

        assertThat(redrive).contains(deadLetterArn);
        assertThat(filter).isEqualTo("{\"type\":[\"order.cancelled\"]}");
        // The template's steps, named after the consumer as Hawtio shows them.
        assertThat(camel.getProcessor("audit-inbox")).isNotNull();
        assertThat(camel.getProcessor("audit-handle")).isNotNull();
    }

    @Test
    void itsRouteHandlesEachPublishedEventOfItsTypeOnceAndNeverSeesTheOthers() {
        OutboxEvent cancelled = event(OrderEvents.CANCELLED);
        double duplicatesBefore = meters.counter("inbox.duplicates", "consumer", AUDIT).count();

        publish(event(OrderEvents.CREATED));
        publish(cancelled);
        publish(cancelled);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(meters.counter("inbox.duplicates", "consumer", AUDIT).count()).isEqualTo(duplicatesBefore + 1));
        assertThat(trail.idsOf(orderId)).containsExactly(cancelled.eventId());
    }

    @Test
    void aPoisonMessageLandsInItsDeadLetterQueueAndAReplayThroughTheApiBringsAFixedOneBack() {
        sqs.sendMessage(b -> b.queueUrl(url(AUDIT)).messageBody("not an event {"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode status = http.getForObject("/api/dlq/" + AUDIT, JsonNode.class);
            assertThat(status.get("deadLetterQueue").asText()).isEqualTo("audit-dlq");
            assertThat(status.get("sample").findValuesAsText("reason")).anyMatch(reason -> reason.startsWith("not JSON"));
        });
        // The fix: the poison message is dropped, a valid event waits in the dead-letter queue for its replay.
        sqs.purgeQueue(b -> b.queueUrl(url("audit-dlq")));
        OutboxEvent cancelled = event(OrderEvents.CANCELLED);
        sqs.sendMessage(b -> b.queueUrl(url("audit-dlq")).messageBody(mapper.toJson(cancelled)));

        JsonNode replayed = http.postForObject("/api/dlq/" + AUDIT + "/replay?max=10", null, JsonNode.class);

        assertThat(replayed.get("replayed").asInt()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(trail.idsOf(orderId)).containsExactly(cancelled.eventId()));
    }
}
