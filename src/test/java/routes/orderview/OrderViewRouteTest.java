package routes.orderview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static routes.support.RouteTestAdvice.DEAD_LETTERS;
import static routes.support.RouteTestAdvice.feedOf;
import static routes.support.RouteTestAdvice.handlerOf;

import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.aws2.sqs.Sqs2Constants;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.spring.junit5.UseAdviceWith;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import routes.inbox.DeferredEventException;
import routes.inbox.InboundEvent;
import routes.inbox.InboxMetrics;
import routes.inbox.InboxProperties;
import routes.inbox.InvalidEventException;
import routes.order.OrderEvents;
import routes.outbox.CloudEventMapper;
import routes.outbox.OutboxEvent;
import routes.payment.PaymentEvents;
import routes.support.RouteTest;
import routes.support.RouteTestAdvice;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * The order-view consumer route fed from a direct endpoint in place of its queue, the dead-letter
 * queue a mock ({@link RouteTestAdvice}): what is dropped, skipped, deferred, retried and
 * dead-lettered. The inbox is the real one, on the embedded DynamoDB; the handler's mock hands each
 * event to a real {@link OrderViewProjection} over a view table each test scripts.
 */
@RouteTest
@UseAdviceWith
class OrderViewRouteTest {

    @Autowired CamelContext camel;
    @Autowired ProducerTemplate producer;
    @Autowired CloudEventMapper mapper;
    @Autowired MeterRegistry meters;
    @Autowired InboxMetrics inboxMetrics;
    @Autowired InboxProperties inbox;

    final OrderViewStore store = mock(OrderViewStore.class);
    MockEndpoint deadLetters;
    final String orderId = "o-" + UUID.randomUUID();

    @BeforeEach
    void projectOntoAScriptedViewTable() {
        OrderViewProjection projection = new OrderViewProjection(store, inboxMetrics);
        RouteTestAdvice.mock(camel, handlerOf(OrderViewConsumer.NAME))
                .whenAnyExchangeReceived(exchange -> projection.apply(exchange.getMessage().getBody(InboundEvent.class)));
        deadLetters = RouteTestAdvice.mock(camel, DEAD_LETTERS);
        when(store.write(any(), any())).thenReturn(true);
    }

    String event(long version, String causationId) {
        return mapper.toJson(new OutboxEvent(UUID.randomUUID().toString(), version == 1 ? OrderEvents.CREATED : PaymentEvents.CAPTURED,
                "order", orderId, version, orderId, causationId, Instant.now(),
                "{\"orderId\":\"" + orderId + "\",\"customerId\":\"c-1\",\"total\":5}"));
    }

    Exchange deliver(String body, int receiveCount) {
        return producer.send(feedOf(OrderViewConsumer.NAME), exchange -> {
            exchange.getMessage().setBody(body);
            exchange.getMessage().setHeader(Sqs2Constants.ATTRIBUTES, Map.of("ApproximateReceiveCount", Integer.toString(receiveCount)));
        });
    }

    @Test
    void aDuplicateIsDroppedAndCounted() {
        String created = event(1, null);
        when(store.find(anyString(), anyString())).thenReturn(Optional.empty());
        double before = meters.counter("inbox.duplicates", "consumer", "order-view").count();

        assertThat(deliver(created, 1).getException()).isNull();
        assertThat(deliver(created, 1).getException()).isNull();

        verify(store, times(1)).write(any(), any());
        assertThat(meters.counter("inbox.duplicates", "consumer", "order-view").count()).isEqualTo(before + 1);
    }

    @Test
    void anEventOlderThanTheViewIsAcknowledgedAndSkipped() {
        when(store.find(anyString(), anyString())).thenReturn(Optional.of(
                new OrderSummary("c-1", orderId, "CONFIRMED", 5, new BigDecimal("5"), OrderEvents.CONFIRMED, "e-5", 5, 7)));

        Exchange delivered = deliver(event(3, "e-2"), 1);

        assertThat(delivered.getException()).isNull();
        verify(store, never()).write(any(), any());
        assertThat(deadLetters.getReceivedCounter()).isZero();
    }

    @Test
    void anEventWhoseCauseIsMissingIsAppliedAtOnce() {
        when(store.find(anyString(), anyString())).thenReturn(Optional.empty());

        Exchange delivered = deliver(event(2, "e-1"), 1);

        assertThat(delivered.getException()).isNull();
        verify(store, times(1)).write(any(), any());
        assertThat(deadLetters.getReceivedCounter()).isZero();
    }

    @Test
    void anEventTheViewKeepsChangingUnderWaitsThenStaysOnTheQueueUnacknowledged() {
        when(store.find(anyString(), anyString())).thenReturn(Optional.empty());
        when(store.write(any(), any())).thenReturn(false);

        Exchange delivered = deliver(event(2, "e-1"), 1);

        assertThat(delivered.getException()).isInstanceOf(DeferredEventException.class);
        assertThat(deadLetters.getReceivedCounter()).isZero();
    }

    @Test
    void anEventTheViewKeptChangingUnderPastItsBudgetIsDeadLetteredWithItsReason() throws Exception {
        when(store.find(anyString(), anyString())).thenReturn(Optional.empty());
        when(store.write(any(), any())).thenReturn(false);
        String body = event(2, "e-1");
        deadLetters.expectedBodiesReceived(body);

        Exchange delivered = deliver(body, inbox.deferBudget());

        assertThat(delivered.getException()).isNull();
        deadLetters.assertIsSatisfied();
        assertThat(deadLetters.getReceivedExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class))
                .hasMessageContaining("the view kept changing under event");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "not JSON|{oops|not JSON",
            "not a CloudEvent|{\"hello\":\"world\"}|not a CloudEvent: missing specversion",
            "unknown type|{\"specversion\":\"1.0\",\"id\":\"x\",\"source\":\"/s\",\"type\":\"order.shipped\"}|unsupported event type order.shipped",
            "invalid data|{\"specversion\":\"1.0\",\"id\":\"x\",\"source\":\"/s\",\"type\":\"order.created\",\"correlationid\":\"o\",\"aggregatetype\":\"order\",\"aggregateversion\":1,\"data\":{\"orderId\":\"o\"}}|data fails validation: missing customerId"})
    void aPermanentFailureGoesStraightToTheDeadLetterQueueWithItsReason(String what, String body, String reason) throws Exception {
        deadLetters.expectedBodiesReceived(body);

        Exchange delivered = deliver(body, 1);

        assertThat(delivered.getException()).as("acknowledged").isNull();
        deadLetters.assertIsSatisfied();
        Exception caught = deadLetters.getReceivedExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        assertThat(caught).isInstanceOf(InvalidEventException.class).hasMessageStartingWith(reason);
        verify(store, never()).find(anyString(), anyString());
    }

    @Test
    void aTransientFailureIsRetriedThenDeadLetteredWithTheOriginalMessage() throws Exception {
        when(store.find(anyString(), anyString())).thenThrow(SdkClientException.create("throttled"));
        String body = event(1, null);
        deadLetters.expectedBodiesReceived(body);

        Exchange delivered = deliver(body, 1);

        assertThat(delivered.getException()).isNull();
        deadLetters.assertIsSatisfied();
        verify(store, times(1 + inbox.transientRetries())).find(anyString(), anyString());
        assertThat(deadLetters.getReceivedExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class))
                .isInstanceOf(SdkClientException.class);
    }
}
