package routes.local;

import java.net.URI;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import routes.aws.AwsEndpoints;
import routes.local.dynamodb.DynamoDbEmulator;
import routes.local.dynamodb.DynamoDbEmulatorSettings;
import routes.local.sns.SnsStandIn;
import routes.local.sns.SnsStandInSettings;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The DynamoDB emulator, ElasticMQ and the SNS stand-in (which delivers into ElasticMQ), started together
 * and stopped in reverse order. One of them can be stopped and started again to see how the
 * application behaves while a service is away (health, relay catch-up).
 */
public final class LocalEmulators implements AutoCloseable {

    /** The emulated services, in start order. */
    public enum Emulator { DYNAMODB, SQS, SNS }

    private static final Logger log = LoggerFactory.getLogger(LocalEmulators.class);

    private final LocalEmulatorProperties local;
    private final String region;
    private final AwsEndpoints endpoints;
    private final SqsClient snsDelivery;
    private final SnsStandIn sns;
    private final Map<Emulator, AutoCloseable> running = new EnumMap<>(Emulator.class);

    private LocalEmulators(LocalEmulatorProperties local, String region) {
        this.local = local;
        this.region = region;
        String base = "http://" + local.host() + ":";
        this.endpoints = new AwsEndpoints(URI.create(base + local.dynamodbPort()),
                URI.create(base + local.snsPort()), URI.create(base + local.sqsPort()), true);
        this.snsDelivery = SqsClient.builder()
                .region(Region.of(region))
                .endpointOverride(endpoints.sqs())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
        this.sns = new SnsStandIn(new SnsStandInSettings(local.host(), local.snsPort(), region, local.accountId(),
                local.dataDir() == null ? null : local.dataDir().resolve("sns-state.json")), snsDelivery);
    }

    public static LocalEmulators start(LocalEmulatorProperties local, String region) {
        LocalEmulators emulators = new LocalEmulators(local, region);
        try {
            for (Emulator emulator : Emulator.values()) {
                emulators.start(emulator);
            }
        } catch (RuntimeException e) {
            emulators.close();
            throw e;
        }
        log.info("Local AWS emulators up: DynamoDB {}, SNS {}, SQS {}, state {}", emulators.endpoints.dynamodb(),
                emulators.endpoints.sns(), emulators.endpoints.sqs(),
                local.dataDir() == null ? "in memory" : local.dataDir().toAbsolutePath());
        return emulators;
    }

    public AwsEndpoints endpoints() {
        return endpoints;
    }

    /**
     * Starts one emulator. In memory, a restarted DynamoDB emulator or ElasticMQ starts empty; the SNS
     * stand-in keeps its topics and subscriptions.
     */
    public synchronized void start(Emulator emulator) {
        if (running.containsKey(emulator)) {
            return;
        }
        try {
            running.put(emulator, switch (emulator) {
                case DYNAMODB -> DynamoDbEmulator.start(dynamoDbSettings());
                case SQS -> ElasticMqServer.start(local.host(), local.sqsPort(), region, local.accountId(), local.dataDir());
                case SNS -> {
                    sns.start();
                    yield sns;
                }
            });
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the local " + emulator + " emulator on " + local.host()
                    + " (ports: DynamoDB " + local.dynamodbPort() + ", SQS " + local.sqsPort() + ", SNS "
                    + local.snsPort() + "; change them with app.local.*-port): " + e.getMessage(), e);
        }
    }

    private DynamoDbEmulatorSettings dynamoDbSettings() {
        return new DynamoDbEmulatorSettings(local.host(), local.dynamodbPort(), region, local.accountId(),
                local.dataDir(), local.dynamodbShardRollover(), local.dynamodbStreamRetention(),
                local.dynamodbIteratorLifetime(), local.dynamodbTtlInterval());
    }

    public synchronized void stop(Emulator emulator) {
        AutoCloseable server = running.remove(emulator);
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (Exception e) {
            log.warn("Stopping the local {} emulator failed: {}", emulator, e.toString());
        }
    }

    @Override
    public synchronized void close() {
        List.of(Emulator.SNS, Emulator.SQS, Emulator.DYNAMODB).forEach(this::stop);
        snsDelivery.close();
        log.info("Local AWS emulators stopped");
    }
}
