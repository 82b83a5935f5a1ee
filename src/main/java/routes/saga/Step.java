package routes.saga;

/**
 * A step or compensation of a saga. Its id is the route id users see in Hawtio, what the saga's
 * row records as done, and, behind {@code direct:}, the endpoint that runs it.
 */
public interface Step {

    String id();

    default String endpoint() {
        return "direct:" + id();
    }
}
