package routes.local.dynamodb.engine;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import routes.local.dynamodb.value.Value;

/**
 * The background deleter of expired items: every interval it removes the items whose TTL attribute
 * is a number of epoch seconds in the past (anything else never expires), one commit per table, marked
 * as done by the service so streams record the DynamoDB service identity (Developer Guide, "Time to
 * Live"). Until then expired items are still read, as on AWS.
 */
public final class TimeToLiveReaper implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TimeToLiveReaper.class);

    private final Database database;
    private final Clock clock;
    private final ScheduledExecutorService timer;

    public TimeToLiveReaper(Database database, Clock clock, Duration interval) {
        this.database = database;
        this.clock = clock;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "dynamodb-ttl-reaper");
            thread.setDaemon(true);
            return thread;
        });
        long millis = Math.max(1, interval.toMillis());
        timer.scheduleWithFixedDelay(this::reapQuietly, millis, millis, TimeUnit.MILLISECONDS);
    }

    private void reapQuietly() {
        try {
            reap();
        } catch (RuntimeException e) {
            log.warn("TTL reaper pass failed; trying again next interval", e);
        }
    }

    /** One pass over every table with TTL enabled: found under the read lock, deleted under the write lock. */
    public void reap() {
        for (String name : database.read(Tables::names)) {
            List<Map<String, Value>> candidates = database.read(tables -> expired(tables.find(name)));
            if (candidates.isEmpty()) {
                continue;
            }
            database.write(changes -> {
                Table table = changes.find(name);
                // Rechecked: the item may have been rewritten, or TTL disabled, since it was found.
                for (Map<String, Value> found : candidates) {
                    Map<String, Value> current = table == null ? null : table.get(table.keyOfItem(found));
                    if (current != null && isExpired(table, current)) {
                        changes.change(new ItemChange(name, table.keyAttributes(current), current, null));
                    }
                }
                changes.byService();
                return null;
            });
        }
    }

    private List<Map<String, Value>> expired(Table table) {
        List<Map<String, Value>> expired = new ArrayList<>();
        if (table != null && table.definition().ttlAttribute() != null) {
            for (Map<String, Value> item : table.allItems()) {
                if (isExpired(table, item)) {
                    expired.add(item);
                }
            }
        }
        return expired;
    }

    private boolean isExpired(Table table, Map<String, Value> item) {
        String attribute = table.definition().ttlAttribute();
        BigDecimal now = BigDecimal.valueOf(clock.millis()).movePointLeft(3);
        return attribute != null && item.get(attribute) instanceof Value.N expiry && expiry.value().compareTo(now) < 0;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
