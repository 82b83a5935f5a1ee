package routes.ordersaga;

/** What the recovery route does with an order whose saga was lost. */
public enum RecoveryAction {
    /** The order can still complete: a new saga runs its steps again (done ones change nothing). */
    RESUME,
    /** The saga failed, began compensating, or ran out of time: undo what it did and cancel. */
    COMPENSATE,
    /** The order is final already. */
    NONE
}
