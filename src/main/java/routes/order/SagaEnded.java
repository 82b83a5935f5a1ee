package routes.order;

import org.apache.camel.CamelExchangeException;

/**
 * Recognises the refusal to begin a step in a saga that is no longer running (its timeout
 * compensated it meanwhile): the coordinator says "Cannot begin: status is …" while it compensates,
 * and Camel's MANDATORY propagation "Exchange is not part of a saga" once the saga is forgotten.
 */
final class SagaEnded {

    private SagaEnded() {}

    static boolean isCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage();
            if (t instanceof IllegalStateException && message.startsWith("Cannot begin: status is")
                    || t instanceof CamelExchangeException && message.startsWith("Exchange is not part of a saga")) {
                return true;
            }
        }
        return false;
    }
}
