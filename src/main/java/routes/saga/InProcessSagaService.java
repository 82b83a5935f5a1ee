package routes.saga;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.saga.CamelSagaCoordinator;
import org.apache.camel.saga.CamelSagaService;
import org.apache.camel.saga.CamelSagaStep;
import org.apache.camel.support.service.ServiceSupport;

/**
 * Camel's saga service, kept in this JVM: it holds only the sagas that are running (a finished saga
 * is forgotten, with its timeout), admits at most {@code maxRunning} of them (a new saga waits for a
 * place, then gets {@link SagaBusyException}), and runs every compensation and completion on its own
 * threads from an unbounded queue, so none is ever rejected. The queue cannot outgrow the running
 * sagas: each saga has at most one task in it.
 */
public class InProcessSagaService extends ServiceSupport implements CamelSagaService {

    /** Header of the exchange that begins a saga: waits at most this long (a Duration) for a place. */
    public static final String ADMISSION_WAIT = "SagaAdmissionWait";

    private final SagaSettings settings;
    private final Map<String, InProcessSaga> running = new ConcurrentHashMap<>();
    private final Semaphore places;
    private CamelContext camelContext;
    private ProducerTemplate producer;
    private ScheduledThreadPoolExecutor timer;
    private ExecutorService finalizers;

    public InProcessSagaService(SagaSettings settings) {
        this.settings = settings;
        this.places = new Semaphore(settings.maxRunning(), true);
    }

    @Override
    public CompletableFuture<CamelSagaCoordinator> newSaga(Exchange exchange) {
        Duration wait = admissionWait(exchange);
        try {
            if (!places.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                return CompletableFuture.failedFuture(new SagaBusyException(running.size(), wait, Duration.ofSeconds(1)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(e);
        }
        InProcessSaga saga = new InProcessSaga(UUID.randomUUID().toString(), this);
        running.put(saga.getId(), saga);
        return CompletableFuture.completedFuture(saga);
    }

    private Duration admissionWait(Exchange exchange) {
        Duration asked = exchange == null ? null : exchange.getMessage().getHeader(ADMISSION_WAIT, Duration.class);
        return asked != null && asked.compareTo(settings.admissionWait()) < 0 ? asked : settings.admissionWait();
    }

    /** The running saga, or a finished one that refuses new steps: a saga is forgotten once it ends. */
    @Override
    public CompletableFuture<CamelSagaCoordinator> getSaga(String id) {
        if (id == null) {
            return CompletableFuture.completedFuture(null);
        }
        InProcessSaga saga = running.get(id);
        return CompletableFuture.completedFuture(saga != null ? saga : new FinishedSaga(id));
    }

    public boolean isRunning(String id) {
        return running.containsKey(id);
    }

    @Override
    public void registerStep(CamelSagaStep step) {
        // Steps are enlisted per saga when they begin; nothing to prepare up front.
    }

    /** Sagas begun and not yet completed, compensated or given up to recovery. */
    public int running() {
        return running.size();
    }

    SagaSettings settings() {
        return settings;
    }

    void finished(InProcessSaga saga) {
        if (running.remove(saga.getId(), saga)) {
            places.release();
        }
    }

    ScheduledFuture<?> schedule(Runnable task, Duration delay) {
        return timer.schedule(() -> finalizers.execute(task), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    void execute(Runnable task) {
        finalizers.execute(task);
    }

    Exchange send(Endpoint endpoint, Exchange exchange) {
        return producer.send(endpoint, exchange);
    }

    CamelContext camelContext() {
        return camelContext;
    }

    @Override
    protected void doStart() {
        if (finalizers != null && !finalizers.isShutdown()) {
            return;
        }
        timer = new ScheduledThreadPoolExecutor(1, named("saga-timer"));
        // A finished saga's timeout leaves the timer's queue at once instead of waiting for its time.
        timer.setRemoveOnCancelPolicy(true);
        finalizers = new ThreadPoolExecutor(settings.finalizerThreads(), settings.finalizerThreads(), 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), named("saga-finalizer"));
        producer = camelContext.createProducerTemplate();
        producer.start();
    }

    @Override
    protected void doStop() throws Exception {
        if (camelContext != null && !camelContext.isStopping() && !camelContext.isStopped()) {
            // Camel 4.17 stops the shared saga service with any saga route (CAMEL-24150): the others still need it.
            return;
        }
        // Compensations under way finish; those not begun are left to recovery, as after a crash.
        timer.shutdownNow();
        finalizers.shutdown();
        finalizers.awaitTermination(10, TimeUnit.SECONDS);
        finalizers.shutdownNow();
        producer.stop();
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    private static ThreadFactory named(String name) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
