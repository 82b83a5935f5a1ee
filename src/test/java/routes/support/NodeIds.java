package routes.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
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

/** Walks a model and lists each element without an explicit id, or with one that looks generated. */
public final class NodeIds {

    /** What Camel's node id factory makes: a node's short name and a counter. */
    private static final Pattern GENERATED = Pattern.compile("[a-zA-Z]+[0-9]+");

    private final List<String> problems = new ArrayList<>();
    private final Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());

    public static List<String> without(Model model) {
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
