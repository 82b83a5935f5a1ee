package routes.local.dynamodb.engine;

/**
 * Told of every commit, in commit order, while the database still holds its write lock (so it must be
 * quick and must not call back into the database). Streams and the durability log listen.
 */
public interface CommitListener {

    /**
     * @return a position the caller passes to {@link #awaitDurable(long)} after releasing the lock
     *         before it answers the client (0 where there is nothing to wait for)
     */
    long committed(Commit commit);

    /** Blocks until everything up to {@code position} is durable (group commit); no-op in memory. */
    default void awaitDurable(long position) {}
}
