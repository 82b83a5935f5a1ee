package routes.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static routes.support.RouteTestAdvice.DEAD_LETTERS;
import static routes.support.RouteTestAdvice.feedOf;
import static routes.support.RouteTestAdvice.handlerOf;
import static routes.support.RouteTestAdvice.mock;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.spring.junit5.UseAdviceWith;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import routes.inbox.InboundEvent;
import routes.inbox.InboundEvents;
import routes.inbox.InvalidEventException;
import routes.order.OrderEvents;
import routes.outbox.CloudEventMapper;
import routes.outbox.OutboxEvent;
import routes.support.RouteTest;
import routes.support.RouteTestAdvice;

/**
 * The YAML notification route fed from a direct endpoint in place of its queue, with its notice
 * sender and the dead-letter queue mocked ({@link RouteTestAdvice}).
 */
@RouteTest
@UseAdviceWith
class NotificationSendRouteTest {

    @Autowired CamelContext camel;
    @Autowired ProducerTemplate producer;
    @Autowired CloudEventMapper mapper;

    MockEndpoint notices;
    MockEndpoint deadLetters;

    @BeforeEach
    void findTheNoticeSenderAndDeadLetterQueueMocks() {
        notices = mock(camel, handlerOf(NotificationConsumer.NAME));
        deadLetters = mock(camel, DEAD_LETTERS);
    }

    String event(String type) {
        String orderId = "o-" + UUID.randomUUID();
        return mapper.toJson(new OutboxEvent(UUID.randomUUID().toString(), type, "order", orderId, 4, orderId, "e-3",
                Instant.now(), "{\"orderId\":\"" + orderId + "\",\"customerId\":\"c-1\",\"total\":19.98}"));
    }

    @Test
    void aConfirmationReachesTheNoticeSenderOnceHoweverOftenItIsDelivered() throws Exception {
        String confirmed = event(OrderEvents.CONFIRMED);
        notices.expectedMessageCount(1);

        for (int i = 0; i < 3; i++) {
            assertThat(producer.send(feedOf(NotificationConsumer.NAME), e -> e.getMessage().setBody(confirmed)).getException()).isNull();
        }

        notices.assertIsSatisfied();
        InboundEvent sent = notices.getReceivedExchanges().get(0).getMessage().getBody(InboundEvent.class);
        assertThat(sent.type()).isEqualTo(OrderEvents.CONFIRMED);
        assertThat(sent.customerId()).isEqualTo("c-1");
    }

    @Test
    void anEventTypeTheNotificationsDoNotHandleIsDeadLettered() throws Exception {
        String created = event(OrderEvents.CREATED);
        deadLetters.expectedBodiesReceived(created);

        Exchange delivered = producer.send(feedOf(NotificationConsumer.NAME), e -> e.getMessage().setBody(created));

        assertThat(delivered.getException()).isNull();
        deadLetters.assertIsSatisfied();
        assertThat(notices.getReceivedCounter()).isZero();
        assertThat(deadLetters.getReceivedExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class))
                .isInstanceOf(InvalidEventException.class).hasMessage("unsupported event type " + OrderEvents.CREATED);
    }

    @Test
    void theNoticeTextNamesTheOrderAndWhatHappened() throws Exception {
        InboundEvent cancelled = new InboundEvents(Set.of(OrderEvents.CANCELLED)).parse(
                event(OrderEvents.CANCELLED).replace("\"total\":19.98", "\"reason\":\"PAYMENT_DECLINED\""));

        Notice notice = Notice.of(cancelled);

        assertThat(notice.kind()).isEqualTo("cancellation");
        assertThat(notice.text()).contains(cancelled.orderId()).contains("PAYMENT_DECLINED");
    }
}
