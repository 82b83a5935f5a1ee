package routes.saga;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Expression;
import org.apache.camel.saga.CamelSagaCoordinator;
import org.apache.camel.saga.CamelSagaStep;
import org.apache.camel.support.DefaultExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import routes.logging.LogContext;

/**
 * One running saga of {@link InProcessSagaService}: the steps it enlisted, with the option values
 * they had when they began, and its status. Compensations run one at a time in reverse order, each
 * retried; when one still fails, the later ones do not run (their precondition, for example that the
 * stock was released before the order is cancelled, does not hold) and the saga is given up to the
 * application's recovery, which finds it in its own records.
 */
final class InProcessSaga implements CamelSagaCoordinator {

    enum Status { RUNNING, COMPENSATING, COMPLETING, COMPENSATED, COMPLETED, GIVEN_UP }

    private static final Logger log = LoggerFactory.getLogger(InProcessSaga.class);

    private record Enlisted(CamelSagaStep step, Map<String, Object> options) {}

    private final String id;
    private final InProcessSagaService service;
    private final AtomicReference<Status> status = new AtomicReference<>(Status.RUNNING);
    private final List<Enlisted> steps = new ArrayList<>();
    private ScheduledFuture<?> timeout;

    InProcessSaga(String id, InProcessSagaService service) {
        this.id = id;
        this.service = service;
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public CompletableFuture<Void> beginStep(Exchange exchange, CamelSagaStep step) {
        if (status.get() != Status.RUNNING) {
            // The same words as Camel's own coordinator, which callers recognise.
            return CompletableFuture.failedFuture(new IllegalStateException("Cannot begin: status is " + status.get()));
        }
        Map<String, Object> options = new HashMap<>();
        for (Map.Entry<String, Expression> option : step.getOptions().entrySet()) {
            options.put(option.getKey(), option.getValue().evaluate(exchange, Object.class));
        }
        synchronized (this) {
            if (!step.isEmpty() && steps.stream().noneMatch(enlisted -> sameActions(enlisted.step(), step))) {
                steps.add(new Enlisted(step, options));
            }
            if (timeout == null && step.getTimeoutInMilliseconds().isPresent()) {
                timeout = service.schedule(this::timedOut, Duration.ofMillis(step.getTimeoutInMilliseconds().get()));
            }
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> compensate(Exchange exchange) {
        if (status.compareAndSet(Status.RUNNING, Status.COMPENSATING)) {
            List<Enlisted> reversed = enlisted();
            Collections.reverse(reversed);
            service.execute(() -> finish(reversed, true, 0, 1));
            return CompletableFuture.completedFuture(null);
        }
        Status now = status.get();
        if (now == Status.COMPENSATING || now == Status.COMPENSATED || now == Status.GIVEN_UP) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.failedFuture(new IllegalStateException("Cannot compensate: status is " + now));
    }

    @Override
    public CompletableFuture<Void> complete(Exchange exchange) {
        if (status.compareAndSet(Status.RUNNING, Status.COMPLETING)) {
            cancelTimeout();
            List<Enlisted> inOrder = enlisted();
            service.execute(() -> finish(inOrder, false, 0, 1));
            return CompletableFuture.completedFuture(null);
        }
        Status now = status.get();
        if (now == Status.COMPLETING || now == Status.COMPLETED) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.failedFuture(new IllegalStateException("Cannot complete: status is " + now));
    }

    private void timedOut() {
        if (status.get() == Status.RUNNING) {
            try (LogContext.Scope inLog = LogContext.of(options(enlisted()))) {
                log.info("Saga {} timed out, compensating", id);
            }
            compensate(null);
        }
    }

    /** Runs the actions with the saga's options (its correlation, such as the order id) on this thread's log lines. */
    private void finish(List<Enlisted> actions, boolean compensating, int index, int attempt) {
        try (LogContext.Scope inLog = LogContext.of(options(actions))) {
            runActions(actions, compensating, index, attempt);
        }
    }

    private static Map<String, Object> options(List<Enlisted> actions) {
        return actions.isEmpty() ? Map.of() : actions.get(0).options();
    }

    /** Runs the actions from {@code index} on, one at a time; a failure is retried after a pause. */
    private void runActions(List<Enlisted> actions, boolean compensating, int index, int attempt) {
        for (int i = index; i < actions.size(); i++) {
            Enlisted action = actions.get(i);
            Optional<Endpoint> endpoint = compensating ? action.step().getCompensation() : action.step().getCompletion();
            if (endpoint.isEmpty()) {
                continue;
            }
            Exception failure = run(endpoint.get(), action.options());
            if (failure == null) {
                attempt = 1;
                continue;
            }
            String what = (compensating ? "compensation " : "completion ") + endpoint.get().getEndpointUri();
            if (attempt < service.settings().compensationAttempts()) {
                log.warn("Saga {} {}: {} failed (attempt {} of {}): {}", id, action.options(), what, attempt,
                        service.settings().compensationAttempts(), failure.toString());
                int next = i;
                int nextAttempt = attempt + 1;
                service.schedule(() -> finish(actions, compensating, next, nextAttempt),
                        service.settings().compensationRetryDelay());
                return;
            }
            log.error("Saga {} {}: {} failed {} times ({}); the steps before it stay as they are for recovery",
                    id, action.options(), what, attempt, failure.toString());
            end(Status.GIVEN_UP);
            return;
        }
        end(compensating ? Status.COMPENSATED : Status.COMPLETED);
    }

    private Exception run(Endpoint endpoint, Map<String, Object> options) {
        Exchange exchange = new DefaultExchange(service.camelContext());
        exchange.getMessage().setHeaders(new HashMap<>(options));
        exchange.getMessage().setHeader(Exchange.SAGA_LONG_RUNNING_ACTION, id);
        try {
            return service.send(endpoint, exchange).getException();
        } catch (RuntimeException e) {
            return e;
        }
    }

    private void end(Status finalStatus) {
        status.set(finalStatus);
        cancelTimeout();
        service.finished(this);
    }

    private synchronized void cancelTimeout() {
        if (timeout != null) {
            timeout.cancel(false);
        }
    }

    private synchronized List<Enlisted> enlisted() {
        return new ArrayList<>(steps);
    }

    private static boolean sameActions(CamelSagaStep a, CamelSagaStep b) {
        return uri(a.getCompensation()).equals(uri(b.getCompensation())) && uri(a.getCompletion()).equals(uri(b.getCompletion()));
    }

    private static String uri(Optional<Endpoint> endpoint) {
        return endpoint.map(Endpoint::getEndpointUri).orElse("");
    }
}
