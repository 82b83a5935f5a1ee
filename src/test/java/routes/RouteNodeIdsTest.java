package routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.ChoiceDefinition;
import org.apache.camel.model.ErrorHandlerDefinition;
import org.apache.camel.model.IdentifiedType;
import org.apache.camel.model.Model;
import org.apache.camel.model.OnExceptionDefinition;
import org.apache.camel.model.OptionalIdentifiedDefinition;
import org.apache.camel.model.OtherwiseDefinition;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.TryDefinition;
import org.apache.camel.model.WhenDefinition;
import org.apache.camel.model.errorhandler.DefaultErrorHandlerDefinition;
import org.apache.camel.model.rest.RestDefinition;
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

/**
 * Hawtio shows what the model holds: every route, route configuration, REST verb and node (down to
 * when/otherwise, doCatch, onException with its onWhen and redelivery policy, error handlers) has an
 * id given in the code, never one Camel generated ({@code choice1}, {@code log4}, {@code redeliveryPolicy66}).
 */
@EmbeddedAwsTest
class RouteNodeIdsTest {

    /** What Camel's node id factory makes: a node's short name and a counter. */
    private static final Pattern GENERATED = Pattern.compile("[a-zA-Z]+[0-9]+");

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

    /** Walks a model and lists each element without an explicit id, or with one that looks generated. */
    static final class NodeIds {

        private final List<String> problems = new ArrayList<>();
        private final Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());

        static List<String> without(Model model) {
            NodeIds walk = new NodeIds();
            for (RouteConfigurationDefinition configuration : model.getRouteConfigurationDefinitions()) {
                String where = "route configuration " + configuration.getId();
                walk.check(where, configuration);
                walk.errorHandler(where, configuration.getErrorHandler());
                configuration.getOnExceptions().forEach(clause -> walk.node(where, clause));
            }
            for (RestDefinition rest : model.getRestDefinitions()) {
                String where = "rest " + rest.getPath();
                walk.check(where, rest);
                rest.getVerbs().forEach(verb -> {
                    walk.check(where, verb);
                    if (verb.getTo() != null) {
                        walk.check(where + " " + verb.getId(), verb.getTo());
                    }
                });
            }
            for (RouteDefinition route : model.getRouteDefinitions()) {
                String where = "route " + route.getRouteId();
                walk.check(where, route);
                route.getOutputs().forEach(output -> walk.node(where, output));
            }
            return walk.problems;
        }

        private void node(String where, OptionalIdentifiedDefinition<?> node) {
            if (!seen.add(node)) {
                return;
            }
            check(where, node);
            List<OptionalIdentifiedDefinition<?>> children = new ArrayList<>();
            if (node instanceof ProcessorDefinition<?> processor) {
                children.addAll(processor.getOutputs());
            }
            if (node instanceof WhenDefinition when) {
                children.addAll(when.getOutputs());
            }
            if (node instanceof OtherwiseDefinition otherwise) {
                children.addAll(otherwise.getOutputs());
            }
            if (node instanceof ChoiceDefinition choice) {
                children.addAll(choice.getWhenClauses());
                if (choice.getOtherwise() != null) {
                    children.add(choice.getOtherwise());
                }
            }
            if (node instanceof TryDefinition doTry) {
                children.addAll(doTry.getCatchClauses());
                if (doTry.getFinallyClause() != null) {
                    children.add(doTry.getFinallyClause());
                }
            }
            if (node instanceof OnExceptionDefinition clause) {
                if (clause.getOnWhen() != null) {
                    check(where, clause.getOnWhen());
                }
                if (clause.getRedeliveryPolicyType() != null) {
                    check(where + " " + clause.getId(), clause.getRedeliveryPolicyType());
                }
            }
            children.forEach(child -> node(where, child));
        }

        private void errorHandler(String where, ErrorHandlerDefinition handler) {
            if (handler == null) {
                return;
            }
            check(where, handler);
            if (handler.getErrorHandlerType() instanceof IdentifiedType type) {
                check(where, type);
                if (type instanceof DefaultErrorHandlerDefinition withPolicy && withPolicy.hasRedeliveryPolicy()) {
                    check(where + " error handler", withPolicy.getRedeliveryPolicy());
                }
            }
        }

        private void check(String where, OptionalIdentifiedDefinition<?> element) {
            if (!element.hasCustomIdAssigned()) {
                problems.add(where + ": " + element.getShortName() + " " + element.getLabel() + " has no id");
            } else if (GENERATED.matcher(element.getId()).matches()) {
                problems.add(where + ": " + element.getShortName() + " has the generated-looking id " + element.getId());
            }
        }

        private void check(String where, IdentifiedType element) {
            String name = element.getClass().getSimpleName();
            if (element.getId() == null) {
                problems.add(where + ": " + name + " has no id");
            } else if (GENERATED.matcher(element.getId()).matches()) {
                problems.add(where + ": " + name + " has the generated-looking id " + element.getId());
            }
        }
    }
}
