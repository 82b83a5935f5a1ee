package routes.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.saga.CamelSagaCoordinator;
import org.apache.camel.saga.CamelSagaStep;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.builder.ExpressionBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The in-process saga service on a plain Camel context, with compensations that are direct routes
 * recording their calls: finished sagas are forgotten with their timeouts, compensations run in
 * reverse order and stop at one that keeps failing, no compensation is dropped under load, and a
 * full service makes a new saga wait instead of refusing work it already accepted.
 */
class InProcessSagaServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private CamelContext camel;
    private InProcessSagaService sagas;

    private void start(SagaSettings settings) throws Exception {
        camel = new DefaultCamelContext();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:undo-a").process(exchange -> calls.add("undo-a " + exchange.getMessage().getHeader("orderId")));
                from("direct:undo-b").process(exchange -> {
                    if (failuresLeft.getAndDecrement() > 0) {
                        throw new IllegalStateException("undo-b is failing");
                    }
                    calls.add("undo-b " + exchange.getMessage().getHeader("orderId"));
                });
                from("direct:undo-c").process(exchange -> calls.add("undo-c " + exchange.getMessage().getHeader("orderId")));
            }
        });
        sagas = new InProcessSagaService(settings);
        sagas.setCamelContext(camel);
        camel.start();
        sagas.start();
    }

    @AfterEach
    void stop() {
        if (camel != null) {
            camel.stop();
            sagas.stop();
        }
    }

    @Test
    void finishedSagasAreForgottenSoMemoryDoesNotGrowWithHistory() throws Exception {
        start(settings(50, Duration.ofSeconds(5), 3));
        List<String> ids = new ArrayList<>();

        for (int i = 0; i < 1_000; i++) {
            CamelSagaCoordinator saga = newSaga();
            ids.add(saga.getId());
            begin(saga, "direct:undo-a", "order-" + i, Duration.ofMinutes(10));
            if (i % 2 == 0) {
                saga.complete(exchange()).join();
            } else {
                saga.compensate(exchange()).join();
            }
        }

        await().atMost(WAIT).until(() -> sagas.running() == 0);
        assertThat(sagas.isRunning(ids.get(0))).isFalse();
        assertThat(sagas.isRunning(ids.get(999))).isFalse();
        // Asked for again, a finished saga refuses new steps and compensates nothing twice.
        CamelSagaCoordinator finished = sagas.getSaga(ids.get(1)).join();
        assertThatThrownBy(() -> finished.beginStep(exchange(), step("direct:undo-b", "late", null)).join())
                .hasMessageContaining("Cannot begin: status is FINISHED");
        finished.compensate(exchange()).join();
        assertThat(calls).hasSize(500);
    }

    @Test
    void compensationsRunInReverseOrderWithTheOptionsOfTheirStep() throws Exception {
        start(settings(10, Duration.ofSeconds(1), 3));
        CamelSagaCoordinator saga = sagaOfThreeSteps();

        saga.compensate(exchange()).join();

        await().atMost(WAIT).until(() -> sagas.running() == 0);
        assertThat(calls).containsExactly("undo-c o-1", "undo-b o-1", "undo-a o-1");
    }

    @Test
    void aFailingCompensationIsRetriedThenTheSagaIsGivenUpWithoutRunningTheEarlierStepsUndo() throws Exception {
        start(settings(10, Duration.ofSeconds(1), 3));
        failuresLeft.set(Integer.MAX_VALUE);
        CamelSagaCoordinator saga = sagaOfThreeSteps();

        saga.compensate(exchange()).join();

        await().atMost(WAIT).until(() -> sagas.running() == 0);
        // undo-a (in the order saga: cancelling the order) must not run while undo-b never succeeded.
        assertThat(calls).containsExactly("undo-c o-1");
        assertThat(failuresLeft.get()).isEqualTo(Integer.MAX_VALUE - 3);
    }

    @Test
    void aCompensationThatFailsLessOftenThanItsAttemptsSucceedsAndTheRestRun() throws Exception {
        start(settings(10, Duration.ofSeconds(1), 3));
        failuresLeft.set(2);
        CamelSagaCoordinator saga = newSaga();
        begin(saga, "direct:undo-a", "o-1", null);
        begin(saga, "direct:undo-b", "o-1", null);

        saga.compensate(exchange()).join();

        await().atMost(WAIT).until(() -> sagas.running() == 0);
        assertThat(calls).containsExactly("undo-b o-1", "undo-a o-1");
    }

    @Test
    void theTimeoutCompensatesARunningSagaAndIsCancelledWhenTheSagaCompletes() throws Exception {
        start(settings(10, Duration.ofSeconds(1), 3));
        CamelSagaCoordinator slow = newSaga();
        begin(slow, "direct:undo-a", "slow", Duration.ofMillis(200));
        CamelSagaCoordinator quick = newSaga();
        begin(quick, "direct:undo-a", "quick", Duration.ofMillis(200));
        quick.complete(exchange()).join();

        await().atMost(WAIT).until(() -> calls.contains("undo-a slow"));
        await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2)).until(() -> !calls.contains("undo-a quick"));
        assertThatThrownBy(() -> slow.beginStep(exchange(), step("direct:undo-b", "slow", null)).join())
                .isInstanceOf(CompletionException.class).hasMessageContaining("Cannot begin: status is");
        assertThat(sagas.running()).isZero();
    }

    @Test
    void aFullServiceMakesANewSagaWaitForAPlaceThenRefusesItWithRetryAfter() throws Exception {
        start(settings(2, Duration.ofMillis(300), 3));
        CamelSagaCoordinator first = newSaga();
        newSaga();

        CompletableFuture<CamelSagaCoordinator> third = CompletableFuture.supplyAsync(() -> sagas.newSaga(exchange()).join());
        first.complete(exchange()).join();

        assertThat(third.get(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)).as("admitted once a place freed").isNotNull();
        assertThatThrownBy(() -> sagas.newSaga(exchange()).join()).hasCauseInstanceOf(SagaBusyException.class)
                .cause().satisfies(busy -> assertThat(((SagaBusyException) busy).retryAfter()).isPositive());
    }

    @Test
    void noCompensationIsDroppedWhenManySagasCompensateAtOnce() throws Exception {
        start(new SagaSettings(2_000, Duration.ofSeconds(1), 1, 3, Duration.ofMillis(10)));
        List<CamelSagaCoordinator> all = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            CamelSagaCoordinator saga = newSaga();
            begin(saga, "direct:undo-a", "o-" + i, null);
            begin(saga, "direct:undo-c", "o-" + i, null);
            all.add(saga);
        }

        all.parallelStream().forEach(saga -> saga.compensate(exchange()).join());

        await().atMost(WAIT).until(() -> sagas.running() == 0);
        assertThat(calls).hasSize(4_000);
    }

    private static SagaSettings settings(int maxRunning, Duration admissionWait, int attempts) {
        return new SagaSettings(maxRunning, admissionWait, 2, attempts, Duration.ofMillis(50));
    }

    /** A saga for order o-1 whose steps enlisted undo-a, undo-b and undo-c, in that order. */
    private CamelSagaCoordinator sagaOfThreeSteps() {
        CamelSagaCoordinator saga = newSaga();
        begin(saga, "direct:undo-a", "o-1", null);
        begin(saga, "direct:undo-b", "o-1", null);
        begin(saga, "direct:undo-c", "o-1", null);
        return saga;
    }

    private CamelSagaCoordinator newSaga() {
        return sagas.newSaga(exchange()).join();
    }

    private void begin(CamelSagaCoordinator saga, String compensation, String orderId, Duration timeout) {
        saga.beginStep(exchange(), step(compensation, orderId, timeout)).join();
    }

    private CamelSagaStep step(String compensation, String orderId, Duration timeout) {
        Endpoint endpoint = camel.getEndpoint(compensation);
        return new CamelSagaStep(endpoint, null, Map.of("orderId", ExpressionBuilder.constantExpression(orderId)),
                timeout == null ? null : timeout.toMillis());
    }

    private Exchange exchange() {
        return new DefaultExchange(camel);
    }
}
