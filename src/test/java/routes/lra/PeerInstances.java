package routes.lra;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import routes.support.ApplicationProcess;
import routes.support.LraCoordinatorProcess;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Two instances in LRA mode sharing standalone emulators and one coordinator: the payer runs the
 * payment capture, the caller runs the rest of the saga and asks the payer for the payment. Either
 * can be killed and started again on its port. Their logs share one directory, and so one relay leader.
 */
final class PeerInstances implements AutoCloseable {

    // The caller's saga timeout is the LRA's time limit. The caller-kill test waits for the coordinator
    // to cancel at it: 20 s instead of the default 30 s keeps that test short, and still leaves a saga
    // on a busy 2-core machine the time to reach the payer.
    private static final String SAGA_TIMEOUT = "20s";
    // The payer's tok_timeout capture answers after the saga timed out, so it is still in flight when
    // a test kills an instance, and lands late (to be refunded) when the payer survives.
    private static final String LATE_ANSWER_DELAY = "25s";
    private static final Duration STARTUP = Duration.ofMinutes(4);

    private final Path dir;
    private final String secret;
    private final ApplicationProcess.Ports emulatorPorts;
    private final ApplicationProcess emulators;
    private final LraCoordinatorProcess coordinator;
    private final ApplicationProcess.Ports callerPorts = ApplicationProcess.Ports.free();
    private final ApplicationProcess.Ports payerPorts = ApplicationProcess.Ports.free();
    private final List<ApplicationProcess> strangers = new ArrayList<>();
    private ApplicationProcess caller;
    private ApplicationProcess payer;

    private PeerInstances(Path dir, ApplicationProcess.Ports emulatorPorts, ApplicationProcess emulators,
            LraCoordinatorProcess coordinator) {
        this.dir = dir;
        this.secret = newSecret();
        this.emulatorPorts = emulatorPorts;
        this.emulators = emulators;
        this.coordinator = coordinator;
    }

    /**
     * Emulators and coordinator side by side, then the payer, then the caller: two instances
     * creating the tables on fresh emulators at once can fail (both enable a table's TTL).
     */
    static PeerInstances start(Path dir) throws IOException {
        Files.createDirectories(dir);
        ApplicationProcess.Ports emulatorPorts = ApplicationProcess.Ports.free();
        CompletableFuture<ApplicationProcess> emulators = CompletableFuture.supplyAsync(
                () -> ApplicationProcess.startEmulators(emulatorPorts, dir.resolve("emulators.log")));
        LraCoordinatorProcess coordinator;
        try {
            coordinator = LraCoordinatorProcess.start(dir.resolve("coordinator"));
        } catch (RuntimeException e) {
            emulators.join().close();
            throw e;
        }
        PeerInstances peers = new PeerInstances(dir, emulatorPorts, emulators.join(), coordinator);
        try {
            peers.startPayer();
            peers.startCaller();
        } catch (RuntimeException e) {
            peers.close();
            throw e;
        }
        return peers;
    }

    ApplicationProcess caller() {
        return caller;
    }

    ApplicationProcess payer() {
        return payer;
    }

    LraCoordinatorProcess coordinator() {
        return coordinator;
    }

    Path callerLog() {
        return dir.resolve("caller.log");
    }

    Path payerLog() {
        return dir.resolve("payer.log");
    }

    /** Starts (or starts again, on the same port and log) the instance that runs everything but the payment. */
    void startCaller() {
        caller = started(callerPorts, callerLog(), callerArguments(secret));
    }

    /** Starts (or starts again, on the same port and log) the instance that captures the payments. */
    void startPayer() {
        payer = started(payerPorts, payerLog(), arguments(secret,
                "--app.payment.late-answer-delay=" + LATE_ANSWER_DELAY));
    }

    /** Another caller naming the payer, signing with a secret of its own; closed with the others. */
    ApplicationProcess startStranger(String name) {
        ApplicationProcess stranger = started(ApplicationProcess.Ports.free(),
                dir.resolve(name + ".log"), callerArguments(newSecret()));
        strangers.add(stranger);
        return stranger;
    }

    /**
     * Starts an instance and waits until it is healthy, longer than {@link ApplicationProcess#start}:
     * on a machine shared by other builds two JVMs starting side by side may take minutes.
     */
    private static ApplicationProcess started(ApplicationProcess.Ports ports, Path log, String... arguments) {
        ApplicationProcess instance = ApplicationProcess.startWithoutWaiting(ports, log, arguments);
        try {
            await().atMost(STARTUP).pollInterval(Duration.ofMillis(500))
                    .ignoreExceptionsInstanceOf(IOException.class).until(() -> {
                if (!instance.process().isAlive()) {
                    throw new IllegalStateException("the instance exited with " + instance.process().exitValue() + ": see " + log);
                }
                return instance.get("/actuator/health").statusCode() == 200;
            });
        } catch (RuntimeException e) {
            instance.close();
            throw e;
        }
        return instance;
    }

    /** A client of the shared DynamoDB emulator, for what the sagas left in it. */
    DynamoDbClient dynamoDb() {
        return DynamoDbClient.builder().region(Region.US_EAST_1)
                .endpointOverride(URI.create("http://127.0.0.1:" + emulatorPorts.dynamodb()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
    }

    /** One instance's log so far (all its runs). */
    static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String[] callerArguments(String callbackSecret) {
        return arguments(callbackSecret, "--app.saga.timeout=" + SAGA_TIMEOUT,
                "--app.saga.lra.participants.payment-capture=http://127.0.0.1:" + payerPorts.http());
    }

    private String[] arguments(String callbackSecret, String... own) {
        List<String> arguments = new ArrayList<>(List.of(ApplicationProcess.endpointMode(emulatorPorts)));
        arguments.addAll(List.of("--app.saga.mode=lra",
                "--app.saga.lra.coordinator-url=" + coordinator.url(),
                "--app.saga.lra.callback-secret=" + callbackSecret));
        arguments.addAll(List.of(own));
        return arguments.toArray(String[]::new);
    }

    private static String newSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    @Override
    public void close() {
        List<ApplicationProcess> instances = new ArrayList<>(strangers);
        instances.add(caller);
        instances.add(payer);
        instances.add(emulators);
        for (ApplicationProcess instance : instances) {
            if (instance != null) {
                try {
                    instance.kill();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        try {
            coordinator.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
