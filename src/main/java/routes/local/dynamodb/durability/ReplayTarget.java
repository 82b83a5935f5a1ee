package routes.local.dynamodb.durability;

import java.util.List;
import java.util.function.Supplier;
import routes.local.dynamodb.engine.Commit;

/**
 * What the durability log needs from the database: apply a logged commit again, and copy the whole
 * state at a commit boundary for a snapshot. The engine's Database implements it.
 */
public interface ReplayTarget {

    /** Applies a commit's effect without evaluating conditions and without telling commit listeners. */
    void replay(Commit commit);

    /** The whole state as commits: TableCreated per table, then ItemsChanged inserting every item. */
    List<Commit> snapshot();

    /** Runs {@code work} while holding the database's write lock, so no commit happens meanwhile. */
    <T> T exclusively(Supplier<T> work);
}
