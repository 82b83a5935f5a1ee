package routes.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.UseAdviceWith;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import routes.inbox.InboundEvent;
import routes.inbox.InvalidEventException;
import routes.inbox.SqsConsumerRouteTemplate;
import routes.outbox.CloudEventMapper;
import routes.outbox.OutboxEvent;
import routes.support.EmbeddedAwsPortsInitializer;

/** The YAML notification route with its queue, its notice writer and the dead-letter queue mocked. */
@CamelSpringBootTest
@SpringBootTest
@ContextConfiguration(initializers = EmbeddedAwsPortsInitializer.class)
@UseAdviceWith
@DirtiesContext
class NotificationSendRouteTest {

    @Autowired CamelContext camel;
    @Autowired ProducerTemplate producer;
    @Autowired CloudEventMapper mapper;

    MockEndpoint notices;
    MockEndpoint deadLetters;

    @BeforeEach
    void replaceQueueNoticesAndDeadLetterQueue() throws Exception {
        if (!camel.isStarted()) {
            AdviceWith.adviceWith(camel, "notification-send", route -> {
                route.replaceFromWith("direct:notification-in");
                route.weaveById(SqsConsumerRouteTemplate.HANDLE_STEP).replace().to("mock:notices");
            });
            AdviceWith.adviceWith(camel, "sqs-dead-letter",
                    route -> route.weaveById("send-to-dlq").replace().to("mock:dead-letters"));
            camel.start();
        }
        MockEndpoint.resetMocks(camel);
        notices = camel.getEndpoint("mock:notices", MockEndpoint.class);
        deadLetters = camel.getEndpoint("mock:dead-letters", MockEndpoint.class);
    }

    String event(String type) {
        String orderId = "o-" + UUID.randomUUID();
        return mapper.toJson(new OutboxEvent(UUID.randomUUID().toString(), type, "order", orderId, 4, orderId, "e-3",
                Instant.now(), "{\"orderId\":\"" + orderId + "\",\"customerId\":\"c-1\",\"total\":19.98}"));
    }

    @Test
    void aConfirmationReachesTheNoticeSenderOnceHoweverOftenItIsDelivered() throws Exception {
        String confirmed = event("order.confirmed");
        notices.expectedMessageCount(1);

        for (int i = 0; i < 3; i++) {
            assertThat(producer.send("direct:notification-in", e -> e.getMessage().setBody(confirmed)).getException()).isNull();
        }

        notices.assertIsSatisfied();
        InboundEvent sent = notices.getReceivedExchanges().get(0).getMessage().getBody(InboundEvent.class);
        assertThat(sent.type()).isEqualTo("order.confirmed");
        assertThat(sent.customerId()).isEqualTo("c-1");
    }

    @Test
    void anEventTypeTheNotificationsDoNotHandleIsDeadLettered() throws Exception {
        String created = event("order.created");
        deadLetters.expectedBodiesReceived(created);

        Exchange delivered = producer.send("direct:notification-in", e -> e.getMessage().setBody(created));

        assertThat(delivered.getException()).isNull();
        deadLetters.assertIsSatisfied();
        assertThat(notices.getReceivedCounter()).isZero();
        assertThat(deadLetters.getReceivedExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class))
                .isInstanceOf(InvalidEventException.class).hasMessage("unsupported event type order.created");
    }

    @Test
    void theNoticeTextNamesTheOrderAndWhatHappened() throws Exception {
        InboundEvent cancelled = new routes.inbox.InboundEvents(java.util.Set.of("order.cancelled")).parse(
                event("order.cancelled").replace("\"total\":19.98", "\"reason\":\"PAYMENT_DECLINED\""));

        Notice notice = Notice.of(cancelled);

        assertThat(notice.kind()).isEqualTo("cancellation");
        assertThat(notice.text()).contains(cancelled.orderId()).contains("PAYMENT_DECLINED");
    }
}
