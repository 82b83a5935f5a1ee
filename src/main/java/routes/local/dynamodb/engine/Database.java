package routes.local.dynamodb.engine;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Supplier;
import routes.local.dynamodb.api.DynamoDbException;
import routes.local.dynamodb.value.Value;

/**
 * All tables of the emulator behind ONE read-write lock: writes take microseconds, so a single lock
 * makes every conditional write linearizable and every transaction isolated for free. Each write
 * becomes a {@link Commit} that listeners (streams, the durable log) see under the lock, in order;
 * the writer then waits, outside the lock, until the listeners say it is durable.
 */
public final class Database {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, Table> tables = new TreeMap<>();
    private final List<CommitListener> listeners = new CopyOnWriteArrayList<>();
    private final Clock clock;
    private Instant lastCommit = Instant.EPOCH;

    public Database(Clock clock) {
        this.clock = clock;
    }

    public void addListener(CommitListener listener) {
        listeners.add(listener);
    }

    public <T> T read(Function<Tables, T> work) {
        lock.readLock().lock();
        try {
            return work.apply(view);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Runs {@code work} under the write lock, then commits what it staged and waits until it is durable. */
    public <T> T write(Function<Changes, T> work) {
        T result;
        Commit commit;
        long[] positions;
        lock.writeLock().lock();
        try {
            Staged staged = new Staged(nextCommitTime());
            result = work.apply(staged);
            commit = staged.commit();
            if (commit == null) {
                return result;
            }
            apply(commit);
            lastCommit = commit.at();
            positions = new long[listeners.size()];
            for (int i = 0; i < positions.length; i++) {
                positions[i] = listeners.get(i).committed(commit);
            }
        } finally {
            lock.writeLock().unlock();
        }
        for (int i = 0; i < positions.length; i++) {
            listeners.get(i).awaitDurable(positions[i]);
        }
        return result;
    }

    /** Applies a recovered commit as it was, without conditions and without telling listeners. */
    public void replay(Commit commit) {
        lock.writeLock().lock();
        try {
            apply(commit);
            if (commit.at().isAfter(lastCommit)) {
                lastCommit = commit.at();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Runs {@code work} with the write lock held: no commit happens meanwhile. */
    public <T> T exclusively(Supplier<T> work) {
        lock.writeLock().lock();
        try {
            return work.get();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Commits that rebuild the current state from nothing: each table's creation, then its items. */
    public List<Commit> snapshot() {
        return read(view -> {
            List<Commit> commits = new ArrayList<>();
            for (Table table : tables.values()) {
                commits.add(new Commit.TableCreated(table.definition().createdAt(), table.definition()));
                List<ItemChange> inserts = new ArrayList<>();
                for (Map<String, Value> item : table.allItems()) {
                    inserts.add(new ItemChange(table.name(), table.keyAttributes(item), null, item));
                }
                if (!inserts.isEmpty()) {
                    commits.add(new Commit.ItemsChanged(lastCommit, inserts, false));
                }
            }
            return commits;
        });
    }

    // Commit times never go backwards, so streams derive a monotonic order from them.
    private Instant nextCommitTime() {
        Instant now = clock.instant();
        return now.isBefore(lastCommit) ? lastCommit : now;
    }

    private void apply(Commit commit) {
        if (commit instanceof Commit.TableCreated created) {
            tables.put(created.table().name(), new Table(created.table()));
        } else if (commit instanceof Commit.TableUpdated updated) {
            Table table = tables.get(updated.table().name());
            if (table != null) {
                table.redefine(updated.table());
            }
        } else if (commit instanceof Commit.TableDeleted deleted) {
            tables.remove(deleted.table());
        } else if (commit instanceof Commit.ItemsChanged items) {
            for (ItemChange change : items.changes()) {
                Table table = tables.get(change.table());
                if (table != null) {
                    table.apply(table.keyOfItem(change.keys()), change.newImage());
                }
            }
        }
    }

    private final Tables view = new Tables() {
        @Override
        public Table table(String name) {
            Table table = tables.get(name);
            if (table == null) {
                throw DynamoDbException.resourceNotFound("Requested resource not found");
            }
            return table;
        }

        @Override
        public Table find(String name) {
            return tables.get(name);
        }

        @Override
        public List<String> names() {
            return new ArrayList<>(tables.keySet());
        }
    };

    private final class Staged implements Changes {
        private final Instant at;
        private final List<ItemChange> changes = new ArrayList<>();
        private Commit control;
        private boolean byService;

        Staged(Instant at) {
            this.at = at;
        }

        @Override public Table table(String name) { return view.table(name); }

        @Override public Table find(String name) { return view.find(name); }

        @Override public List<String> names() { return view.names(); }

        @Override public Instant now() { return at; }

        @Override
        public void change(ItemChange change) {
            if (change.oldImage() == null ? change.newImage() != null : !change.oldImage().equals(change.newImage())) {
                changes.add(change);
            }
        }

        @Override
        public void control(Commit commit) {
            control = commit;
        }

        @Override
        public void byService() {
            byService = true;
        }

        Commit commit() {
            if (control != null) {
                return control;
            }
            return changes.isEmpty() ? null : new Commit.ItemsChanged(at, changes, byService);
        }
    }
}
