package routes.saga;

/**
 * Whether a saga is still in its coordinator's hands. Recovery leaves such a saga alone: the
 * coordinator finishes it, and a second driver would fight it.
 */
@FunctionalInterface
public interface SagaCustody {

    /** In memory no one else holds a saga: one whose row went quiet was lost with its JVM. */
    SagaCustody NONE = sagaId -> false;

    /** True while the coordinator still drives {@code sagaId} to its end (or cannot be asked). */
    boolean held(String sagaId);
}
