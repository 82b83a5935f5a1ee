package routes.local.dynamodb.engine;

import java.time.Instant;

/**
 * What one write stages while it holds the database's write lock: item changes (all applied
 * together when the write returns) or one control-plane commit. Nothing staged, nothing committed.
 */
public interface Changes extends Tables {

    /** The commit time of this write. */
    Instant now();

    /** Stages an item change; a change whose new image equals its old one is dropped. */
    void change(ItemChange change);

    /** Stages a control-plane commit (TableCreated, TableUpdated, TableDeleted). */
    void control(Commit commit);

    /** Marks the item changes as done by the service itself (TTL deletions). */
    void byService();
}
