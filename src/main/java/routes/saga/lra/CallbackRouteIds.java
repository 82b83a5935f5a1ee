package routes.saga.lra;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.model.ChoiceDefinition;
import org.apache.camel.model.Model;
import org.apache.camel.model.OptionalIdentifiedDefinition;
import org.apache.camel.model.OtherwiseDefinition;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.WhenDefinition;
import org.apache.camel.model.rest.RestDefinition;

/**
 * Names the nodes of camel-lra's own callback routes ({@code lra-compensation}, {@code lra-completion}
 * and their REST verbs under {@link LraSettings#PARTICIPANT_PATH}): Camel 4.17 adds them with generated ids
 * ({@code choice3}), which Hawtio would show. Nodes named already keep their id.
 */
final class CallbackRouteIds {

    private static final Set<String> CALLBACK_ROUTES = Set.of("lra-compensation", "lra-completion");
    private static final String PREFIX = "lra-participant";

    private CallbackRouteIds() {}

    static void name(Model model) {
        model.getRouteDefinitions().stream()
                .filter(route -> CALLBACK_ROUTES.contains(route.getRouteId()))
                .forEach(route -> name(route.getRouteId(), route.getOutputs(), new HashMap<>()));
        model.getRestDefinitions().stream()
                .filter(rest -> LraSettings.PARTICIPANT_PATH.equals(rest.getPath()))
                .forEach(CallbackRouteIds::nameVerbs);
    }

    private static void nameVerbs(RestDefinition rest) {
        if (!rest.hasCustomIdAssigned()) {
            rest.setId(PREFIX);
        }
        rest.getVerbs().stream().filter(verb -> !verb.hasCustomIdAssigned()).forEach(verb -> {
            String id = PREFIX + "-" + verb.asVerb() + "-" + lastSegment(verb.getPath());
            verb.setId(id);
            if (verb.getTo() != null && !verb.getTo().hasCustomIdAssigned()) {
                verb.getTo().setId(id + "-to");
            }
        });
    }

    private static void name(String routeId, List<? extends OptionalIdentifiedDefinition<?>> nodes,
            Map<String, Integer> used) {
        for (OptionalIdentifiedDefinition<?> node : nodes) {
            if (!node.hasCustomIdAssigned()) {
                String base = routeId + "-" + node.getShortName();
                int seen = used.merge(base, 1, Integer::sum);
                String id = seen == 1 ? base : base + "-" + seen;
                if (node instanceof ChoiceDefinition choice) {
                    nameChoice(choice, id);
                } else if (node instanceof WhenDefinition when) {
                    nameWhen(when, id);
                } else if (node instanceof ProcessorDefinition<?> processor && !processor.getOutputs().isEmpty()) {
                    nameWithOutputs(processor, id);
                } else {
                    node.setId(id);
                }
            }
            if (node instanceof ChoiceDefinition choice) {
                name(routeId, choice.getWhenClauses(), used);
                if (choice.getOtherwise() != null) {
                    name(routeId, List.of(choice.getOtherwise()), used);
                }
            } else if (node instanceof WhenDefinition when) {
                name(routeId, when.getOutputs(), used);
            } else if (node instanceof ProcessorDefinition<?> processor) {
                name(routeId, processor.getOutputs(), used);
            }
        }
    }

    /** A choice passes setId on to its last clause (the fluent DSL's convenience): set with the clauses aside. */
    private static void nameChoice(ChoiceDefinition choice, String id) {
        List<WhenDefinition> whens = choice.getWhenClauses();
        OtherwiseDefinition otherwise = choice.getOtherwise();
        choice.setWhenClauses(new ArrayList<>());
        choice.setOtherwise(null);
        choice.setId(id);
        choice.setWhenClauses(whens);
        choice.setOtherwise(otherwise);
    }

    /** A node with outputs may pass setId on to its last output: set with the outputs aside. */
    private static void nameWithOutputs(ProcessorDefinition<?> node, String id) {
        List<ProcessorDefinition<?>> outputs = new ArrayList<>(node.getOutputs());
        node.getOutputs().clear();
        node.setId(id);
        node.getOutputs().addAll(outputs);
    }

    /** A when passes setId on to its last output too. */
    private static void nameWhen(WhenDefinition when, String id) {
        List<ProcessorDefinition<?>> outputs = when.getOutputs();
        when.setOutputs(new ArrayList<>());
        when.setId(id);
        when.setOutputs(outputs);
    }

    /** The last path segment of an endpoint URI or path: {@code rest:put:/lra-participant:/compensate} → compensate. */
    private static String lastSegment(String uri) {
        String path = uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri;
        String[] parts = path.split("[/:]");
        for (int i = parts.length - 1; i >= 0; i--) {
            if (!parts[i].isBlank()) {
                return parts[i];
            }
        }
        return "callback";
    }
}
