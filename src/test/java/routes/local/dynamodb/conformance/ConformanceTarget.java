package routes.local.dynamodb.conformance;

import java.net.URI;
import java.time.Duration;
import routes.local.dynamodb.DynamoDbEmulator;
import routes.local.dynamodb.DynamoDbEmulatorSettings;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Which DynamoDB the conformance suite talks to. {@link #selected()} is real DynamoDB (or any endpoint)
 * when {@code -Dddb.conformance.endpoint=URL} is given, with {@code -Dddb.conformance.region} and the
 * default credentials chain; otherwise our emulator, started once per JVM. {@link #dynalite()} is the
 * third-party reference, run as a Node child process.
 */
public final class ConformanceTarget {

    /** What answers, so that cases AWS runs slowly or dynalite lacks can be skipped. */
    public enum Kind { EMULATOR, DYNALITE, REMOTE }

    /** A short TTL sweep, so the reaping case finishes in seconds on the emulator. */
    static final Duration EMULATOR_TTL_INTERVAL = Duration.ofMillis(500);

    private static ConformanceTarget selected;
    private static ConformanceTarget dynalite;

    private final Kind kind;
    private final URI endpoint;
    private final DynamoDbClient dynamoDb;
    private final DynamoDbStreamsClient streams;

    private ConformanceTarget(Kind kind, URI endpoint, Region region, AwsCredentialsProvider credentials) {
        this.kind = kind;
        this.endpoint = endpoint;
        // No SDK retries locally: a failed call must show up as it is; real AWS may throttle.
        ClientOverrideConfiguration noRetries = ClientOverrideConfiguration.builder()
                .retryStrategy(kind == Kind.REMOTE ? AwsRetryStrategy.standardRetryStrategy() : AwsRetryStrategy.doNotRetry())
                .apiCallTimeout(Duration.ofSeconds(30))
                .build();
        this.dynamoDb = DynamoDbClient.builder()
                .endpointOverride(endpoint).region(region).credentialsProvider(credentials)
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(64))
                .overrideConfiguration(noRetries)
                .build();
        this.streams = DynamoDbStreamsClient.builder()
                .endpointOverride(streamsEndpoint(kind, endpoint, region)).region(region).credentialsProvider(credentials)
                .httpClientBuilder(ApacheHttpClient.builder())
                .overrideConfiguration(noRetries)
                .build();
    }

    /** The endpoint named by -Dddb.conformance.endpoint, else our in-process emulator. */
    public static synchronized ConformanceTarget selected() {
        if (selected == null) {
            String endpoint = System.getProperty("ddb.conformance.endpoint", "").trim();
            if (endpoint.isEmpty()) {
                DynamoDbEmulator emulator = DynamoDbEmulator.start(emulatorSettings());
                Runtime.getRuntime().addShutdownHook(new Thread(emulator::close, "conformance-emulator-stop"));
                selected = new ConformanceTarget(Kind.EMULATOR, emulator.endpoint(), Region.US_EAST_1, localCredentials());
            } else {
                Region region = Region.of(System.getProperty("ddb.conformance.region", "us-east-1"));
                selected = new ConformanceTarget(Kind.REMOTE, URI.create(endpoint), region,
                        DefaultCredentialsProvider.builder().build());
            }
        }
        return selected;
    }

    /** dynalite, started once per JVM; it has no transactions, streams or TTL. */
    public static synchronized ConformanceTarget dynalite() {
        if (dynalite == null) {
            DynaliteProcess process = DynaliteProcess.start();
            dynalite = new ConformanceTarget(Kind.DYNALITE, process.endpoint(), Region.US_EAST_1, localCredentials());
        }
        return dynalite;
    }

    public Kind kind() {
        return kind;
    }

    public URI endpoint() {
        return endpoint;
    }

    public DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    public DynamoDbStreamsClient streams() {
        return streams;
    }

    public boolean isRemote() {
        return kind == Kind.REMOTE;
    }

    @Override
    public String toString() {
        return kind + " " + endpoint;
    }

    private static DynamoDbEmulatorSettings emulatorSettings() {
        DynamoDbEmulatorSettings d = DynamoDbEmulatorSettings.defaults().withPort(0);
        return new DynamoDbEmulatorSettings(d.host(), d.port(), d.region(), d.accountId(), d.dataDir(),
                d.shardRollover(), d.streamRetention(), d.iteratorLifetime(), EMULATOR_TTL_INTERVAL);
    }

    /** Real DynamoDB Streams has its own host; emulators serve both APIs on one port. */
    private static URI streamsEndpoint(Kind kind, URI endpoint, Region region) {
        if (kind == Kind.REMOTE && endpoint.getHost().endsWith(".amazonaws.com")) {
            return URI.create("https://streams.dynamodb." + region.id() + ".amazonaws.com");
        }
        return endpoint;
    }

    private static AwsCredentialsProvider localCredentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
    }
}
