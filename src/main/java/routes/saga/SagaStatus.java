package routes.saga;

/** Where a saga stands, as its row records it: running until a terminal status ends it. */
public interface SagaStatus {

    String name();

    boolean terminal();
}
