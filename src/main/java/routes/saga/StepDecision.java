package routes.saga;

/**
 * What a step decides from the saga's row as it is now. Deciders are plain functions, so the
 * business rules of each step are unit-tested without DynamoDB.
 */
public sealed interface StepDecision {

    /** The row already shows this step (or makes it moot): nothing to write, the step succeeds. */
    record AlreadyApplied(String why) implements StepDecision {}

    /** Write this change, guarded by the version the decision was made on. */
    record Apply(SagaChange change) implements StepDecision {}

    /** Nothing to write yet: the step goes on (to call a provider, say) and writes what came of it after. */
    record Proceed() implements StepDecision {}

    /** The step must not run on this row; the exception fails the step. */
    record Refuse(RuntimeException failure) implements StepDecision {}

    static StepDecision alreadyApplied(String why) {
        return new AlreadyApplied(why);
    }

    static StepDecision apply(SagaChange change) {
        return new Apply(change);
    }

    static StepDecision proceed() {
        return new Proceed();
    }

    static StepDecision refuse(RuntimeException failure) {
        return new Refuse(failure);
    }
}
