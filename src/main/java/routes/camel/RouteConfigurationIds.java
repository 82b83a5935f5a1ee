package routes.camel;

import java.util.List;
import java.util.Locale;
import org.apache.camel.model.ErrorHandlerDefinition;
import org.apache.camel.model.IdentifiedType;
import org.apache.camel.model.OnExceptionDefinition;
import org.apache.camel.model.RedeliveryPolicyDefinition;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.apache.camel.model.errorhandler.DefaultErrorHandlerDefinition;

/**
 * Names the parts of a route configuration the Java DSL gives no {@code .id(...)} for (its error
 * handler, each redelivery policy, an onException's onWhen) after the ids it does give, so Hawtio
 * shows {@code saga-step-retry-transient-redelivery-policy}, not {@code redeliveryPolicy66}.
 */
public final class RouteConfigurationIds {

    private RouteConfigurationIds() {}

    /** Ids derived from each configuration's id and its onException clauses' ids; ids already set stay. */
    public static void derive(List<RouteConfigurationDefinition> configurations) {
        for (RouteConfigurationDefinition configuration : configurations) {
            ErrorHandlerDefinition errorHandler = configuration.getErrorHandler();
            if (errorHandler != null) {
                name(errorHandler, configuration.getId() + "-error-handler");
                if (errorHandler.getErrorHandlerType() instanceof IdentifiedType type) {
                    name(type, configuration.getId() + "-" + kebab(type.getClass().getSimpleName()));
                }
                if (errorHandler.getErrorHandlerType() instanceof DefaultErrorHandlerDefinition withPolicy
                        && withPolicy.hasRedeliveryPolicy()) {
                    name(withPolicy.getRedeliveryPolicy(), configuration.getId() + "-redelivery-policy");
                }
            }
            for (OnExceptionDefinition clause : configuration.getOnExceptions()) {
                if (!clause.hasCustomIdAssigned()) {
                    continue;
                }
                if (clause.getOnWhen() != null && !clause.getOnWhen().hasCustomIdAssigned()) {
                    clause.getOnWhen().setId(clause.getId() + "-when");
                }
                RedeliveryPolicyDefinition policy = clause.getRedeliveryPolicyType();
                if (policy != null) {
                    name(policy, clause.getId() + "-redelivery-policy");
                }
            }
        }
    }

    private static void name(IdentifiedType element, String id) {
        if (element.getId() == null) {
            element.setId(id);
        }
    }

    /** DeadLetterChannelBuilder → dead-letter-channel. */
    private static String kebab(String className) {
        String name = className.replaceAll("(Builder|Definition)$", "");
        return name.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
