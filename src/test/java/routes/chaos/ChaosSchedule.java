package routes.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * The faults of a run, at random points of its progress (orders answered): K SIGKILLs, each followed
 * by a restart on the same data, in lra mode the coordinator's SIGKILLs and restarts, and one payment
 * provider outage, switched on through Jolokia in the widest gap between kills, so that no kill ends
 * it early (an outage does not survive a restart).
 */
final class ChaosSchedule implements Runnable {

    /** Something the run did to the application, when. */
    record Event(Instant at, String what) {}

    enum Kind { KILL, COORDINATOR_KILL, OUTAGE }

    /** A fault, once this share of the orders is answered. */
    record Fault(double progress, Kind kind) {
        /** A kill of the application. */
        boolean kill() {
            return kind == Kind.KILL;
        }
    }

    /** From a kill to the moment the killed process answered again. */
    record Downtime(Instant from, Instant to) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    // After the outage: room for the compensations it failed to end their retries before the next kill.
    private static final Duration AFTER_OUTAGE = Duration.ofSeconds(3);

    private final PackagedApplication application;
    private final Optional<ChaosCoordinator> coordinator;
    private final ChaosSettings settings;
    private final IntSupplier answered;
    private final List<Fault> faults;
    private final Random random;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final List<Downtime> applicationDowntimes = new CopyOnWriteArrayList<>();
    private final List<Downtime> coordinatorDowntimes = new CopyOnWriteArrayList<>();
    private volatile Instant outageStart;
    private volatile Instant outageEnd;
    private volatile Throwable failure;

    ChaosSchedule(PackagedApplication application, Optional<ChaosCoordinator> coordinator, ChaosSettings settings,
            IntSupplier answered, Random random) {
        this.application = application;
        this.coordinator = coordinator;
        this.settings = settings;
        this.answered = answered;
        this.random = random;
        this.faults = plan(settings.kills(), settings.coordinatorKills(), random);
    }

    static List<Fault> plan(int kills, Random random) {
        return plan(kills, 0, random);
    }

    /** Kills at random points between 10% and 90% of the orders; the outage in the middle of the widest gap. */
    static List<Fault> plan(int kills, int coordinatorKills, Random random) {
        List<Fault> faults = new ArrayList<>();
        for (int i = 0; i < kills; i++) {
            faults.add(new Fault(0.1 + 0.8 * random.nextDouble(), Kind.KILL));
        }
        for (int i = 0; i < coordinatorKills; i++) {
            faults.add(new Fault(0.1 + 0.8 * random.nextDouble(), Kind.COORDINATOR_KILL));
        }
        List<Double> points = new ArrayList<>(faults.stream().map(Fault::progress).toList());
        points.sort(Comparator.naturalOrder());
        List<Double> bounds = new ArrayList<>(List.of(0.05));
        bounds.addAll(points);
        bounds.add(0.95);
        double outageAt = 0.5;
        double widest = -1;
        for (int i = 0; i + 1 < bounds.size(); i++) {
            double gap = bounds.get(i + 1) - bounds.get(i);
            if (gap > widest) {
                widest = gap;
                outageAt = bounds.get(i) + gap / 2;
            }
        }
        faults.add(new Fault(outageAt, Kind.OUTAGE));
        faults.sort(Comparator.comparingDouble(Fault::progress));
        return faults;
    }

    @Override
    public void run() {
        try {
            int kill = 0;
            int coordinatorKill = 0;
            for (Fault fault : faults) {
                awaitProgress(fault.progress());
                TimeUnit.MILLISECONDS.sleep(random.nextInt(1500));
                switch (fault.kind()) {
                    case KILL -> killApplication(++kill);
                    case COORDINATOR_KILL -> killCoordinator(++coordinatorKill);
                    case OUTAGE -> startOutage();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | IOException e) {
            failure = e;
        }
    }

    private void killApplication(int kill) throws InterruptedException {
        Instant killedAt = application.kill();
        events.add(new Event(killedAt, "kill " + kill + " (SIGKILL) after " + answered.getAsInt() + " orders answered"));
        Instant ready = application.start();
        applicationDowntimes.add(new Downtime(killedAt, ready));
        events.add(new Event(ready, "restart " + kill + " healthy after "
                + Duration.between(killedAt, ready).toMillis() + " ms (run-" + application.runs() + ".log)"));
    }

    private void killCoordinator(int kill) throws InterruptedException {
        ChaosCoordinator killed = coordinator.orElseThrow(() -> new IllegalStateException("no coordinator to kill"));
        Instant killedAt = killed.kill();
        events.add(new Event(killedAt, "coordinator kill " + kill + " (SIGKILL) after " + answered.getAsInt()
                + " orders answered"));
        Instant ready = killed.startAgain();
        coordinatorDowntimes.add(new Downtime(killedAt, ready));
        events.add(new Event(ready, "coordinator restart " + kill + " answering after "
                + Duration.between(killedAt, ready).toMillis() + " ms (coordinator/coordinator-" + killed.starts() + ".log)"));
    }

    private void awaitProgress(double fraction) throws InterruptedException {
        int target = (int) Math.ceil(fraction * settings.orders());
        while (answered.getAsInt() < target) {
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    private void startOutage() throws IOException, InterruptedException {
        String call = "{\"type\":\"exec\",\"mbean\":\"camel-saga-outbox:type=ProviderOutage\",\"operation\":\"start\","
                + "\"arguments\":[" + settings.outage().toMillis() + "]}";
        Instant start = Instant.now();
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(application.uri("/actuator/jolokia"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(call)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode result = JSON.readTree(answer.body());
        if (answer.statusCode() != 200 || result.path("status").asInt() != 200) {
            throw new IllegalStateException("the provider outage could not be started through Jolokia: " + answer.body());
        }
        // The window as the driver knows it: from the call to its answer plus the outage's length.
        outageStart = start;
        outageEnd = Instant.now().plus(settings.outage());
        events.add(new Event(start, "payment provider outage for " + settings.outage().toMillis() + " ms after "
                + answered.getAsInt() + " orders answered"));
        TimeUnit.MILLISECONDS.sleep(settings.outage().plus(AFTER_OUTAGE).toMillis());
    }

    List<Event> events() {
        return List.copyOf(events);
    }

    /** Null until the outage happened. */
    Instant outageStart() {
        return outageStart;
    }

    Instant outageEnd() {
        return outageEnd;
    }

    /** Why the schedule stopped early (the faults were not all applied), or null. */
    Throwable failure() {
        return failure;
    }

    int plannedKills() {
        return (int) faults.stream().filter(Fault::kill).count();
    }

    List<Downtime> applicationDowntimes() {
        return List.copyOf(applicationDowntimes);
    }

    List<Downtime> coordinatorDowntimes() {
        return List.copyOf(coordinatorDowntimes);
    }
}
