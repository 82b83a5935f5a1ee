package routes.ordersaga;

import java.net.URI;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The saga steps another instance runs ({@code app.saga.lra.participants}: step id to that
 * instance's base URL), LRA mode only: an in-memory saga cannot span instances.
 */
@Component
public class RemoteSteps {

    private final Map<SagaStep, URI> remote;

    public RemoteSteps(SagaProperties saga) {
        Map<String, URI> configured = saga.lra().participants();
        if (!configured.isEmpty() && saga.mode() != SagaMode.LRA) {
            throw new IllegalStateException("app.saga.lra.participants needs app.saga.mode=lra: an in-memory saga cannot span instances");
        }
        for (String id : configured.keySet()) {
            if (SagaStep.backgroundSteps().stream().noneMatch(step -> step.id().equals(id))) {
                throw new IllegalStateException("app.saga.lra.participants." + id + ": not a step another instance can run; one of "
                        + SagaStep.backgroundSteps().stream().map(SagaStep::id).collect(Collectors.joining(", ")));
            }
        }
        this.remote = SagaStep.backgroundSteps().stream().filter(step -> configured.containsKey(step.id()))
                .collect(Collectors.toUnmodifiableMap(step -> step, step -> configured.get(step.id())));
    }

    /** Where the saga route sends {@code step}: its participant here, or the call to the instance that runs it. */
    public String endpoint(SagaStep step) {
        return remote.containsKey(step) ? callEndpoint(step) : step.endpoint();
    }

    Map<SagaStep, URI> remote() {
        return remote;
    }

    static String callEndpoint(SagaStep step) {
        return "direct:remote-" + step.id();
    }
}
