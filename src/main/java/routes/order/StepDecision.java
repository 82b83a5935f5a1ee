package routes.order;

/**
 * What a step decides from the order row as it is now. Deciders are plain functions, so the
 * business rules of each step are unit-tested without DynamoDB.
 */
public sealed interface StepDecision {

    /** The row already shows this step (or makes it moot): nothing to write, the step succeeds. */
    record AlreadyApplied(String why) implements StepDecision {}

    /** Write this change, guarded by the version the decision was made on. */
    record Apply(OrderChange change) implements StepDecision {}

    /** The step must not run on this row; the exception fails the step. */
    record Refuse(RuntimeException failure) implements StepDecision {}

    static StepDecision alreadyApplied(String why) {
        return new AlreadyApplied(why);
    }

    static StepDecision apply(OrderChange change) {
        return new Apply(change);
    }

    static StepDecision refuse(RuntimeException failure) {
        return new Refuse(failure);
    }
}
