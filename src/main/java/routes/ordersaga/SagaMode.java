package routes.ordersaga;

/** Who coordinates the order sagas ({@code app.saga.mode}). */
public enum SagaMode {
    /** This instance, in memory: fast; a lost saga is finished by the recovery route from its order row. */
    IN_MEMORY,
    /** A MicroProfile LRA coordinator: a saga survives the loss of the instance that began it. */
    LRA
}
