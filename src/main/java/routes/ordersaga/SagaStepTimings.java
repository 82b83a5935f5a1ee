package routes.ordersaga;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Route;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;
import org.apache.camel.support.RoutePolicySupport;
import org.springframework.stereotype.Component;

/**
 * Times every saga step and compensation ({@code saga.step.duration}, by step id and outcome) as a
 * policy on the participant routes, whose ids are the step ids: it covers each way a step is
 * called (the saga route, a compensation by either saga service, recovery), its retries included.
 */
@Component
public class SagaStepTimings implements RoutePolicyFactory {

    private static final Set<String> STEP_ROUTES = Arrays.stream(SagaStep.values())
            .filter(step -> step != SagaStep.FAILURE).map(SagaStep::id).collect(Collectors.toUnmodifiableSet());

    private final MeterRegistry registry;

    public SagaStepTimings(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public RoutePolicy createRoutePolicy(CamelContext camelContext, String routeId, NamedNode route) {
        return STEP_ROUTES.contains(routeId) ? new StepTimer(routeId) : null;
    }

    private final class StepTimer extends RoutePolicySupport {

        private final String step;
        // One exchange passes through several step routes in turn: each keeps its own start.
        private final String startProperty;

        StepTimer(String step) {
            this.step = step;
            this.startProperty = "sagaStepStarted-" + step;
        }

        @Override
        public void onExchangeBegin(Route route, Exchange exchange) {
            exchange.setProperty(startProperty, System.nanoTime());
        }

        @Override
        public void onExchangeDone(Route route, Exchange exchange) {
            Long started = exchange.getProperty(startProperty, Long.class);
            if (started == null) {
                return;
            }
            exchange.removeProperty(startProperty);
            Timer.builder("saga.step.duration").description("Time a saga step or compensation took, retries included")
                    .tag("step", step)
                    .tag("outcome", exchange.isFailed() ? "failed" : "done")
                    .publishPercentiles(SagaMetrics.PERCENTILES)
                    .register(registry)
                    .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }
}
