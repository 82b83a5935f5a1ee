package routes.saga;

import java.util.concurrent.CompletableFuture;
import org.apache.camel.Exchange;
import org.apache.camel.saga.CamelSagaCoordinator;
import org.apache.camel.saga.CamelSagaStep;

/**
 * What {@link InProcessSagaService#getSaga} answers for a saga it no longer holds: it completed,
 * was compensated or was given up to recovery (or ran in a JVM that died). No step may begin in it;
 * asking it to compensate or complete again changes nothing, as with Camel's own coordinator.
 */
final class FinishedSaga implements CamelSagaCoordinator {

    private final String id;

    FinishedSaga(String id) {
        this.id = id;
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public CompletableFuture<Void> beginStep(Exchange exchange, CamelSagaStep step) {
        return CompletableFuture.failedFuture(new IllegalStateException("Cannot begin: status is FINISHED"));
    }

    @Override
    public CompletableFuture<Void> compensate(Exchange exchange) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> complete(Exchange exchange) {
        return CompletableFuture.completedFuture(null);
    }
}
