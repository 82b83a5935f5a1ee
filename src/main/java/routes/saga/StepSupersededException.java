package routes.saga;

/**
 * A step arrived after its saga moved on (its compensation already ran, or the saga already
 * ended): it must not apply, and retrying cannot change that.
 */
public class StepSupersededException extends RuntimeException {
    public StepSupersededException(String id, Step step, String why) {
        super(id + ": " + step.id() + " no longer applies: " + why);
    }
}
