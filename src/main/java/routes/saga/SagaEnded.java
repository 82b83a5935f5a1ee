package routes.saga;

/**
 * Recognises the refusal to begin a step in a saga that is no longer running (its timeout
 * compensated it meanwhile): the saga service says so with an IllegalStateException whose message
 * reads "Cannot begin: status is …", as Camel's own coordinator does.
 */
public final class SagaEnded {

    private SagaEnded() {}

    public static boolean isCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IllegalStateException && t.getMessage() != null
                    && t.getMessage().startsWith("Cannot begin: status is")) {
                return true;
            }
        }
        return false;
    }
}
