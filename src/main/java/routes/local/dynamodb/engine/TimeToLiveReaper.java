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

    /** One pass over every table with TTL enabled. */
    public void reap() {
        List<String> tables = database.read(Tables::names);
        for (String name : tables) {
            database.write(changes -> {
                Table table = changes.find(name);
                String attribute = table == null ? null : table.definition().ttlAttribute();
                if (attribute == null) {
                    return null;
                }
                BigDecimal now = BigDecimal.valueOf(clock.millis()).movePointLeft(3);
                List<Map<String, Value>> expired = new ArrayList<>();
                for (Map<String, Value> item : table.allItems()) {
                    if (item.get(attribute) instanceof Value.N expiry && expiry.value().compareTo(now) < 0) {
                        expired.add(item);
                    }
                }
                expired.forEach(item -> changes.change(new ItemChange(name, table.keyAttributes(item), item, null)));
                changes.byService();
                return null;
            });
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
