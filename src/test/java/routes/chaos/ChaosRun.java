package routes.chaos;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import routes.aws.resources.ResourceNames;
import routes.support.LocalAwsClients;
import routes.support.ResourceDefaults;
import routes.support.StoredState;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The chaos run of issue 9 ({@code chaos/run.sh}): the packaged application on a data dir, N orders
 * at concurrency C through its API, K SIGKILLs with restarts, duplicate, reordered and poison
 * messages on the consumer queues, one payment provider outage; then, once everything settled, the
 * invariants with their numbers and the figures. Exits non-zero when an invariant fails, a 500 was
 * answered, or more orders were cancelled by a crash than {@code --max-crash-cancellations}.
 *
 * <p>With {@code --saga-mode=lra} the run also starts an LRA coordinator (port-base + 10, its object
 * store under the work dir), points the application at it, and, with {@code --coordinator-kills=N},
 * kills and restarts it N times; there, orders in flight at a kill may be cancelled (see
 * {@link CrashCancellations}).
 *
 * <p>Usage: {@code ChaosRun [ORDERS] [CONCURRENCY] [KILLS] [--max-crash-cancellations=N] [--seed=N]
 * [--jar=PATH] [--work-dir=DIR] [--port-base=P] [--outage-seconds=S] [--quiescence-timeout-seconds=S]
 * [--saga-mode=in-memory|lra] [--coordinator-kills=N]}
 */
public final class ChaosRun {

    private static final ResourceNames NAMES = ResourceDefaults.names();

    private final ChaosSettings settings;
    private final PrintStream out;

    public ChaosRun(ChaosSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    public static void main(String[] args) {
        try {
            ChaosReport report = new ChaosRun(ChaosSettings.parse(args), System.out).run();
            System.exit(report.passed() ? 0 : 1);
        } catch (Exception | Error broken) {
            broken.printStackTrace();
            System.out.println("FAIL: the chaos run could not complete: " + broken);
            System.exit(2);
        }
    }

    ChaosReport run() throws IOException, InterruptedException {
        prepareWorkDir();
        Random random = new Random(settings.seed());
        OrderPlan plan = OrderPlan.of(settings.orders(), random);
        out.printf("chaos run: %d orders, concurrency %d, %d kills, seed %d, saga mode %s, jar %s, logs in %s%n",
                settings.orders(), settings.concurrency(), settings.kills(), settings.seed(),
                settings.lra() ? "lra (" + settings.coordinatorKills() + " coordinator kills)" : "in-memory",
                settings.jar(), settings.workDir());
        ChaosReport report = new ChaosReport();
        Instant started = Instant.now();
        // Null in in-memory mode: try-with-resources skips a null resource.
        try (ChaosCoordinator coordinator = settings.lra() ? ChaosCoordinator.start(settings) : null;
                PackagedApplication application = coordinator == null ? new PackagedApplication(settings)
                        : new PackagedApplication(settings, coordinator.applicationArguments(), coordinator.applicationEnvironment());
                DynamoDbClient dynamoDb = dynamoDb();
                SqsClient sqs = LocalAwsClients.sqs(URI.create("http://127.0.0.1:" + settings.sqsPort()));
                SnsClient sns = LocalAwsClients.sns(URI.create("http://127.0.0.1:" + settings.snsPort()))) {
            out.println("started in " + ChaosReport.seconds(started, application.start()));
            seedStock(application, plan);
            MessageInjector injector = new MessageInjector(sqs, sns, NAMES, new Random(random.nextLong()));
            injector.subscribeTap();
            injector.injectPoison();
            Thread injecting = new Thread(injector, "chaos-injector");
            injecting.setDaemon(true);
            injecting.start();

            ServerErrors serverErrors = new ServerErrors();
            AtomicInteger answered = new AtomicInteger();
            ChaosSchedule schedule = new ChaosSchedule(application, Optional.ofNullable(coordinator), settings, answered::get,
                    new Random(random.nextLong()));
            Thread faults = new Thread(schedule, "chaos-faults");
            faults.setDaemon(true);
            faults.start();
            List<OrderClient.Placement> placements = placeOrders(plan, new OrderClient(application, serverErrors), answered, schedule);
            Instant lastAnswer = placements.stream().map(OrderClient.Placement::answered).max(Comparator.naturalOrder()).orElse(Instant.now());
            out.printf("all %d orders answered after %s; waiting for the faults to finish%n", placements.size(),
                    ChaosReport.seconds(started, lastAnswer));
            faults.join();
            injector.stop();
            injecting.join();

            out.println("waiting for quiescence (at most " + settings.quiescenceTimeout().toSeconds() + " s)");
            Quiescence.Result quiet = new Quiescence(dynamoDb, sqs, NAMES).await(settings.quiescenceTimeout());
            StoredOutcome stored = StoredOutcome.read(dynamoDb, NAMES);
            Map<String, DeadLetterContents> deadLetters = new LinkedHashMap<>();
            for (String queue : injector.poisonByQueue().keySet()) {
                deadLetters.put(queue, DeadLetterContents.read(sqs, NAMES.deadLetterQueue(queue)));
            }
            report.invariants(new Invariants(plan, placements, stored, new StoredState(dynamoDb))
                    .check(NAMES, injector.poisonByQueue(), deadLetters));

            ChaosFigures figures = new ChaosFigures(stored, placements, schedule.outageStart(), schedule.outageEnd());
            List<StoredOutcome.StoredOrder> crashCancelled = figures.cancelledByCrash();
            if (settings.lra()) {
                report.invariants(List.of(CrashCancellations.explainedByKills(crashCancelled, placements,
                        schedule.applicationDowntimes(), schedule.coordinatorDowntimes(), settings.maxCrashCancellations())));
            }
            report.figure("orders by final status and reason", figures.byOutcome());
            figures.byKind().forEach((kind, outcomes) -> report.figure("  " + kind.name().toLowerCase() + " (" + kind.token + ")", outcomes));
            report.figure("cancelled because of a crash", crashCancelled.size() + " " + reasons(crashCancelled)
                    + examples(crashCancelled.stream().map(StoredOutcome.StoredOrder::orderId).toList()));
            report.figure("cancelled during the provider outage", figures.cancelledDuringOutage().size() + " "
                    + reasons(figures.cancelledDuringOutage()));
            report.figure("confirmed although declined or late", figures.confirmedAgainstToken().size()
                    + examples(figures.confirmedAgainstToken()));
            report.figure("5xx answers by code", serverErrors.byCode().isEmpty() ? "none" : serverErrors.byCode());
            serverErrors.samples().forEach((code, bodies) -> report.figure("  first " + code + " bodies", bodies));
            report.figure("POST attempts (retries included)", placements.stream().mapToInt(OrderClient.Placement::attempts).sum()
                    + " for " + placements.size() + " orders");
            report.figure("messages tapped / duplicated / reordered", injector.tapped() + " / " + injector.duplicates()
                    + " / " + injector.reordered() + " (tap unreachable " + injector.failedInjections() + " times)");
            report.figure("poison injected", injector.poisonByQueue());
            report.figure("time from last order to quiescence", quiet.reached()
                    ? ChaosReport.seconds(lastAnswer, quiet.at()) : "not reached in " + settings.quiescenceTimeout().toSeconds() + " s");
            report.figure("read-model convergence (last status event -> view = orders)", convergence(stored, quiet));
            schedule.events().forEach(event -> report.figure("fault at +" + ChaosReport.seconds(started, event.at()),
                    event.at() + " " + event.what()));
            report.figure("whole run", ChaosReport.seconds(started, Instant.now()));

            report.require(quiet.reached(), "no quiescence within " + settings.quiescenceTimeout().toSeconds()
                    + " s; last look: " + quiet.lastLook());
            report.require(serverErrors.internalErrors() == 0, serverErrors.internalErrors() + " answers were 500");
            // In lra mode the invariant above bounds them instead: there a kill is expected to cancel what was in flight.
            report.require(settings.lra() || crashCancelled.size() <= settings.maxCrashCancellations(), crashCancelled.size()
                    + " orders cancelled because of a crash (at most " + settings.maxCrashCancellations() + " allowed)");
            report.require(schedule.failure() == null, "the faults stopped early: " + schedule.failure());
            long kills = schedule.events().stream().filter(e -> e.what().startsWith("kill")).count();
            report.require(kills == settings.kills(), "only " + kills + " of " + settings.kills() + " kills happened");
            report.require(schedule.coordinatorDowntimes().size() == settings.coordinatorKills(), "only "
                    + schedule.coordinatorDowntimes().size() + " of " + settings.coordinatorKills() + " coordinator kills happened");
            report.require(schedule.outageStart() != null, "the payment provider outage did not happen");
        }
        report.print(out);
        return report;
    }

    private List<OrderClient.Placement> placeOrders(OrderPlan plan, OrderClient client, AtomicInteger answered,
            ChaosSchedule schedule) throws InterruptedException {
        List<OrderClient.Placement> placements = Collections.synchronizedList(new ArrayList<>());
        ExecutorService clients = Executors.newFixedThreadPool(settings.concurrency());
        for (PlannedOrder order : plan.orders()) {
            clients.submit(() -> {
                placements.add(client.place(order));
                answered.incrementAndGet();
                return null;
            });
        }
        clients.shutdown();
        while (!clients.awaitTermination(1, TimeUnit.SECONDS)) {
            if (schedule.failure() != null) {
                clients.shutdownNow();
                throw new IllegalStateException("the faults stopped early, so the run cannot go on", schedule.failure());
            }
        }
        return List.copyOf(placements);
    }

    private void seedStock(PackagedApplication application, OrderPlan plan) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        for (Map.Entry<String, Long> stock : plan.startStock().entrySet()) {
            String body = "{\"available\":" + stock.getValue() + ",\"price\":" + plan.prices().get(stock.getKey()) + "}";
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(application.uri("/api/inventory/" + stock.getKey()))
                    .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("seeding " + stock.getKey() + " answered " + answer.statusCode() + ": " + answer.body());
            }
        }
        out.println("stock: " + plan.startStock());
    }

    private static String convergence(StoredOutcome stored, Quiescence.Result quiet) {
        if (quiet.viewEqualSince() == null || stored.lastStatusEvent().isEmpty()) {
            return "not converged";
        }
        // Looks start once every order is answered: a view already equal then converged no later than that.
        return (quiet.viewEqualAtFirstLook() ? "at most " : "")
                + ChaosReport.seconds(stored.lastStatusEvent().get(), quiet.viewEqualSince()) + " (looked every 2 s)";
    }

    private static String reasons(List<StoredOutcome.StoredOrder> orders) {
        Map<String, Long> reasons = new java.util.TreeMap<>();
        orders.forEach(order -> reasons.merge(String.valueOf(order.reason()), 1L, Long::sum));
        return reasons.isEmpty() ? "" : "by reason " + reasons;
    }

    private static String examples(List<String> ids) {
        return ids.isEmpty() ? "" : " e.g. " + ids.stream().limit(5).toList();
    }

    private DynamoDbClient dynamoDb() {
        return DynamoDbClient.builder().region(LocalAwsClients.REGION)
                .endpointOverride(URI.create("http://127.0.0.1:" + settings.dynamoDbPort()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(software.amazon.awssdk.http.apache.ApacheHttpClient.builder())
                .build();
    }

    // A fresh data dir per run: kept data would mix runs.
    private void prepareWorkDir() throws IOException {
        Files.createDirectories(settings.workDir());
        for (String dir : List.of("data", "cluster", "coordinator")) {
            Path path = settings.workDir().resolve(dir);
            if (Files.exists(path)) {
                try (Stream<Path> files = Files.walk(path)) {
                    for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(file);
                    }
                }
            }
        }
        try (Stream<Path> logs = Files.list(settings.workDir())) {
            for (Path log : logs.filter(p -> p.getFileName().toString().matches("run-\\d+\\.log")).toList()) {
                Files.delete(log);
            }
        }
    }
}
