package routes.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static routes.support.RouteTestAdvice.FIND_LOST_SAGAS;
import static routes.support.RouteTestAdvice.RESUME_SAGA;
import static routes.support.RouteTestAdvice.mock;
import static routes.support.RouteTestAdvice.recovering;
import static routes.support.TestOrders.pendingOrder;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import org.apache.camel.test.spring.junit5.UseAdviceWith;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import routes.ordersaga.Order;
import routes.ordersaga.OrderLog;
import routes.ordersaga.SagaHeaders;
import routes.ordersaga.SagaStep;
import routes.support.RouteTest;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * The recovery routes with the search for lost sagas, the resumption and the three compensations
 * mocked, and real order rows in the embedded DynamoDB, which decide what happens: an order that can
 * still complete is resumed; one past its deadline, or whose saga failed, is refunded, released and
 * cancelled in that order; one order's failure does not keep the round from the next.
 */
@RouteTest
@UseAdviceWith
class OrderRecoveryRouteTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private static final String REFUND = recovering(SagaStep.PAYMENT_REFUND);
    private static final String RELEASE = recovering(SagaStep.INVENTORY_RELEASE);
    private static final String CANCEL = recovering(SagaStep.ORDER_CANCEL);
    private static final String RESUME = RESUME_SAGA;

    @Autowired CamelContext camel;
    @Autowired OrderLog orders;

    /** What the next recovery rounds find, one list of order ids per round; nothing once empty. */
    private final Queue<List<String>> rounds = new ConcurrentLinkedQueue<>();
    /** Every compensation as it is called, "compensation orderId", in the order calls happen. */
    private final List<String> calls = new CopyOnWriteArrayList<>();

    /** The search for lost sagas and the resumption and compensations it leads to are mocked (RouteTestAdvice). */
    @BeforeEach
    void scriptTheSearchAndTheCompensations() {
        mock(camel, FIND_LOST_SAGAS).whenAnyExchangeReceived(exchange -> {
            List<String> found = rounds.poll();
            exchange.getMessage().setBody(found != null ? found : List.of());
        });
        List.of(REFUND, RELEASE, CANCEL, RESUME).forEach(compensation -> script(compensation, exchange -> { }));
    }

    @Test
    void everyAbandonedOrderIsRefundedReleasedThenCancelled() {
        String first = abandonedOrder(SagaStep.INVENTORY_RESERVE);
        String second = abandonedOrder(SagaStep.INVENTORY_RESERVE, SagaStep.PAYMENT_CAPTURE);

        rounds.add(List.of(first, second));

        await().atMost(WAIT).until(() -> calls.contains(CANCEL + " " + second));
        assertThat(calls).containsExactly(
                REFUND + " " + first, RELEASE + " " + first, CANCEL + " " + first,
                REFUND + " " + second, RELEASE + " " + second, CANCEL + " " + second);
    }

    @Test
    void oneOrdersFailedCompensationDoesNotStopTheNextOrder() {
        String failing = abandonedOrder(SagaStep.INVENTORY_RESERVE);
        String next = abandonedOrder(SagaStep.INVENTORY_RESERVE);
        script(REFUND, exchange -> {
            if (failing.equals(exchange.getMessage().getHeader(SagaHeaders.ORDER_ID))) {
                throw SdkClientException.create("provider unreachable");
            }
        });

        rounds.add(List.of(failing, next));

        await().atMost(WAIT).until(() -> calls.contains(CANCEL + " " + next));
        // The failed order keeps its stock and stays PENDING: a later round tries it again.
        assertThat(calls).containsExactly(
                REFUND + " " + failing,
                REFUND + " " + next, RELEASE + " " + next, CANCEL + " " + next);
    }

    @Test
    void orderPastItsDeadlineIsCompensatedWhateverItsRowShowsDone() {
        // The row may not show a reservation that is committing right now: every compensation runs,
        // and each is safe when its step did nothing.
        String created = abandonedOrder();

        rounds.add(List.of(created));

        await().atMost(WAIT).until(() -> calls.contains(CANCEL + " " + created));
        assertThat(calls).containsExactly(REFUND + " " + created, RELEASE + " " + created, CANCEL + " " + created);
    }

    @Test
    void lostSagaWhoseOrderCanStillCompleteIsResumedNotCompensated() {
        String inFlight = lostOrder(Instant.now().minusSeconds(60), null, SagaStep.INVENTORY_RESERVE);

        rounds.add(List.of(inFlight));

        await().atMost(WAIT).until(() -> calls.contains(RESUME + " " + inFlight));
        assertThat(calls).containsExactly(RESUME + " " + inFlight);
    }

    @Test
    void lostSagaThatHadFailedIsCompensatedEvenBeforeItsDeadline() {
        String declined = lostOrder(Instant.now().minusSeconds(60), "PAYMENT_DECLINED", SagaStep.INVENTORY_RESERVE);

        rounds.add(List.of(declined));

        await().atMost(WAIT).until(() -> calls.contains(CANCEL + " " + declined));
        assertThat(calls).containsExactly(REFUND + " " + declined, RELEASE + " " + declined, CANCEL + " " + declined);
    }

    @Test
    void orderWithoutARowIsLeftAlone() {
        String unknown = "order-" + UUID.randomUUID();
        String next = abandonedOrder();

        rounds.add(List.of(unknown, next));

        await().atMost(WAIT).until(() -> calls.contains(CANCEL + " " + next));
        assertThat(calls).containsExactly(REFUND + " " + next, RELEASE + " " + next, CANCEL + " " + next);
    }

    /** Writes a PENDING order row whose creation and the given steps committed an hour ago: past its deadline. */
    private String abandonedOrder(SagaStep... done) {
        return lostOrder(Instant.now().minus(Duration.ofHours(1)), null, done);
    }

    private String lostOrder(Instant createdAt, String reason, SagaStep... done) {
        String orderId = "order-" + UUID.randomUUID();
        Order order = pendingOrder(orderId).done(done).reason(reason).createdAt(createdAt).build();
        assertThat(orders.create(order, OrderEvents.CREATED, OrderEvents.created(order), null)).isTrue();
        return orderId;
    }

    /** Makes the mocked compensation record its call, then behave as told. */
    private void script(String compensation, Processor behaviour) {
        mock(camel, compensation).whenAnyExchangeReceived(exchange -> {
            calls.add(compensation + " " + exchange.getMessage().getHeader(SagaHeaders.ORDER_ID));
            behaviour.process(exchange);
        });
    }
}
