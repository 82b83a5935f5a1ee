package routes.local.dynamodb.engine;

import java.util.List;

/** The tables as a read (or write) under the database lock sees them. */
public interface Tables {

    /** The table, or ResourceNotFoundException (API Reference, "Common errors"). */
    Table table(String name);

    /** The table, or null. */
    Table find(String name);

    /** Table names in ascending order. */
    List<String> names();
}
