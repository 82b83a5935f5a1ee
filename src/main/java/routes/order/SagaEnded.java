package routes.order;

/**
 * Recognises Camel's refusal to begin a step in a saga that is no longer running (its timeout
 * compensated it meanwhile). Camel 4.17's in-memory coordinator says so only with an
 * IllegalStateException whose message reads "Cannot begin: status is …".
 */
final class SagaEnded {

    private SagaEnded() {}

    static boolean isCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IllegalStateException && t.getMessage() != null
                    && t.getMessage().startsWith("Cannot begin: status is")) {
                return true;
            }
        }
        return false;
    }
}
