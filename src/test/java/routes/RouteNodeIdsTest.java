package routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.annotation.Autowired;
import routes.ordersaga.OrderSagaRoute;
import routes.ordersaga.RemoteStepRoutes;
import routes.ordersaga.RemoteSteps;
import routes.ordersaga.SagaMode;
import routes.ordersaga.SagaProperties;
import routes.ordersaga.SagaRouteConfigurations;
import routes.saga.lra.RemoteParticipant;
import routes.support.EmbeddedAwsTest;
import routes.support.NodeIds;

/**
 * Hawtio shows what the model holds: every route, route configuration, REST verb and node (down to
 * when/otherwise, doCatch, onException with its onWhen and redelivery policy, error handlers) has an
 * id given in the code, never one Camel generated ({@code choice1}, {@code log4}, {@code redeliveryPolicy66}).
 */
@EmbeddedAwsTest
class RouteNodeIdsTest {

    @Autowired
    CamelContext camel;

    @Test
    void everyRouteAndNodeOfTheRunningApplicationHasAnExplicitId() {
        Model model = camel.getCamelContextExtension().getContextPlugin(Model.class);
        assertThat(model.getRouteDefinitions()).extracting(RouteDefinition::getRouteId)
                .contains("order-saga", "order-saga-steps", "notification-send", "order-view-update", "sqs-dead-letter");

        assertThat(NodeIds.without(model)).isEmpty();
    }

    @Test
    void everyRouteAndNodeOfTheLraModeRoutesHasAnExplicitId() throws Exception {
        SagaProperties lra = lraModeWithRemotePayment();
        RemoteSteps remoteSteps = new RemoteSteps(lra);
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            // Only the routes are built here: no retry runs, so there is nothing to journal.
            context.addRoutes(new SagaRouteConfigurations(lra, null));
            context.addRoutes(new RemoteStepRoutes(lra, remoteSteps,
                    new DefaultListableBeanFactory().getBeanProvider(RemoteParticipant.class), new ObjectMapper()));
            context.addRoutes(new OrderSagaRoute(lra, remoteSteps));
            Model model = context.getCamelContextExtension().getContextPlugin(Model.class);
            assertThat(model.getRouteDefinitions()).extracting(RouteDefinition::getRouteId)
                    .contains("remote-payment-capture", "serve-saga-step");
            // The REST verbs become routes when the context starts: their ids are checked on the verbs.
            assertThat(model.getRestDefinitions()).isNotEmpty();

            assertThat(NodeIds.without(model)).isEmpty();
        }
    }

    private static SagaProperties lraModeWithRemotePayment() {
        Duration second = Duration.ofSeconds(1);
        return new SagaProperties(second, second, second, 1, 1, second, second, second, second, 1, second, 1, second, 1,
                SagaMode.LRA, new SagaProperties.Lra(URI.create("http://127.0.0.1:50000/lra-coordinator"),
                        URI.create("http://127.0.0.1:8080"), "secret", null, second,
                        Map.of("payment-capture", URI.create("http://127.0.0.1:8081"))));
    }
}
