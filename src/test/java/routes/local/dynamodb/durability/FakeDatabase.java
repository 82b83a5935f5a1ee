package routes.local.dynamodb.durability;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import routes.local.dynamodb.engine.Commit;
import routes.local.dynamodb.engine.CommitListener;
import routes.local.dynamodb.engine.ItemChange;
import routes.local.dynamodb.engine.TableDefinition;
import routes.local.dynamodb.value.Value;

/**
 * The smallest database the durability log can sit under: tables and items in maps, commits applied under
 * one write lock and told to listeners there, durability awaited after the lock, as the engine does.
 */
final class FakeDatabase implements ReplayTarget {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, TableDefinition> tables = new LinkedHashMap<>();
    private final Map<String, Map<Map<String, Value>, Map<String, Value>>> items = new LinkedHashMap<>();
    private final List<CommitListener> listeners = new CopyOnWriteArrayList<>();

    void listen(CommitListener listener) {
        listeners.add(listener);
    }

    /** Applies, tells the listeners under the lock, then waits until durable: returns only once acknowledged. */
    void commit(Commit commit) {
        List<Long> positions = new ArrayList<>();
        lock.writeLock().lock();
        try {
            apply(commit);
            for (CommitListener listener : listeners) positions.add(listener.committed(commit));
        } finally {
            lock.writeLock().unlock();
        }
        for (int i = 0; i < listeners.size(); i++) listeners.get(i).awaitDurable(positions.get(i));
    }

    @Override
    public void replay(Commit commit) {
        lock.writeLock().lock();
        try {
            apply(commit);
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public List<Commit> snapshot() {
        lock.readLock().lock();
        try {
            List<Commit> state = new ArrayList<>();
            for (TableDefinition table : tables.values()) {
                state.add(new Commit.TableCreated(table.createdAt() == null ? Instant.EPOCH : table.createdAt(), table));
                List<ItemChange> inserts = new ArrayList<>();
                items.get(table.name()).forEach((key, item) -> inserts.add(new ItemChange(table.name(), key, null, item)));
                if (!inserts.isEmpty()) state.add(new Commit.ItemsChanged(Instant.EPOCH, inserts, false));
            }
            return state;
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public <T> T exclusively(Supplier<T> work) {
        lock.writeLock().lock();
        try {
            return work.get();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Tables and items, comparable with equals. */
    Map<String, Object> state() {
        lock.readLock().lock();
        try {
            Map<String, Object> state = new LinkedHashMap<>();
            tables.forEach((name, table) -> state.put(name, List.of(table, new LinkedHashMap<>(items.get(name)))));
            return state;
        } finally {
            lock.readLock().unlock();
        }
    }

    Map<String, Value> item(String table, Map<String, Value> key) {
        lock.readLock().lock();
        try {
            Map<Map<String, Value>, Map<String, Value>> rows = items.get(table);
            return rows == null ? null : rows.get(key);
        } finally {
            lock.readLock().unlock();
        }
    }

    List<Map<String, Value>> items(String table) {
        lock.readLock().lock();
        try {
            return new ArrayList<>(items.getOrDefault(table, Map.of()).values());
        } finally {
            lock.readLock().unlock();
        }
    }

    int itemCount(String table) {
        lock.readLock().lock();
        try {
            return items.getOrDefault(table, Map.of()).size();
        } finally {
            lock.readLock().unlock();
        }
    }

    private void apply(Commit commit) {
        if (commit instanceof Commit.TableCreated created) {
            tables.put(created.table().name(), created.table());
            items.putIfAbsent(created.table().name(), new LinkedHashMap<>());
        } else if (commit instanceof Commit.TableUpdated updated) {
            tables.put(updated.table().name(), updated.table());
        } else if (commit instanceof Commit.TableDeleted deleted) {
            tables.remove(deleted.table());
            items.remove(deleted.table());
        } else if (commit instanceof Commit.ItemsChanged changed) {
            for (ItemChange change : changed.changes()) {
                Map<Map<String, Value>, Map<String, Value>> rows = items.get(change.table());
                if (change.newImage() == null) rows.remove(change.keys()); else rows.put(change.keys(), change.newImage());
            }
        }
    }
}
