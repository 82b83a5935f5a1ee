package routes.local.dynamodb.durability;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import routes.local.dynamodb.engine.Commit;
import routes.local.dynamodb.streams.Streams;

/**
 * Run in a child JVM by {@link CrashRecoveryTest}: recovers a data directory, then writes from many threads
 * until killed, printing "ACK <pk> <sk>" for each write only after the log acknowledged it.
 * Arguments: data directory, run name, thread count.
 */
public final class CrashingWriter {

    private CrashingWriter() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        String run = args[1];
        int threads = Integer.parseInt(args[2]);
        FakeDatabase database = new FakeDatabase();
        Streams streams = Commits.streams();
        // A small snapshot threshold so that kills also land during snapshots and segment switches.
        DurableLog log = DurableLog.recover(dir, 256 * 1024, database, streams);
        database.listen(streams);
        database.listen(log);
        if (database.state().isEmpty()) {
            database.commit(new Commit.TableCreated(Commits.AT, Commits.table("orders", true)));
        }
        System.out.println("READY");
        System.out.flush();
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String pk = run + "-" + t;
            Thread writer = new Thread(() -> {
                for (int i = 0; ; i++) {
                    database.commit(Commits.put("orders", pk, i, i % 3000));
                    synchronized (System.out) {
                        System.out.println("ACK " + pk + " " + i);
                        System.out.flush();
                    }
                }
            });
            writers.add(writer);
            writer.start();
        }
        for (Thread writer : writers) writer.join();
    }
}
