package routes.local;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import routes.aws.AwsEndpoints;
import routes.local.sns.SnsStandIn;
import routes.local.sns.SnsStandInSettings;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * DynamoDB Local, ElasticMQ and the SNS stand-in (which delivers into ElasticMQ), started together
 * and stopped in reverse order. Used by the embedded mode and by {@link LocalEmulatorsMain}.
 */
public final class LocalEmulators implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalEmulators.class);

    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    private AwsEndpoints endpoints;

    private LocalEmulators() {}

    public static LocalEmulators start(LocalEmulatorProperties local, String region) {
        LocalEmulators emulators = new LocalEmulators();
        try {
            emulators.startAll(local, region);
            return emulators;
        } catch (Exception e) {
            emulators.close();
            throw new IllegalStateException("Could not start the local AWS emulators on " + local.host()
                    + " (ports: DynamoDB " + local.dynamodbPort() + ", SQS " + local.sqsPort() + ", SNS "
                    + local.snsPort() + "; change them with app.local.*-port): " + e.getMessage(), e);
        }
    }

    private void startAll(LocalEmulatorProperties local, String region) throws Exception {
        DynamoDbLocalServer dynamoDb = DynamoDbLocalServer.start(local.host(), local.dynamodbPort(), local.dataDir());
        running.push(dynamoDb);
        ElasticMqServer elasticMq = ElasticMqServer.start(local.host(), local.sqsPort(), region, local.accountId(),
                local.dataDir());
        running.push(elasticMq);
        SqsClient delivery = SqsClient.builder()
                .region(Region.of(region))
                .endpointOverride(elasticMq.endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
        running.push(delivery);
        SnsStandIn sns = new SnsStandIn(new SnsStandInSettings(local.host(), local.snsPort(), region,
                local.accountId(), local.dataDir() == null ? null : local.dataDir().resolve("sns-state.json")), delivery);
        sns.start();
        running.push(sns);
        endpoints = new AwsEndpoints(dynamoDb.endpoint(), sns.endpoint(), elasticMq.endpoint(), true);
        log.info("Local AWS emulators up: DynamoDB {}, SNS {}, SQS {}, state {}", endpoints.dynamodb(),
                endpoints.sns(), endpoints.sqs(), local.dataDir() == null ? "in memory" : local.dataDir());
    }

    public AwsEndpoints endpoints() {
        return endpoints;
    }

    @Override
    public void close() {
        while (!running.isEmpty()) {
            AutoCloseable next = running.pop();
            try {
                next.close();
            } catch (Exception e) {
                log.warn("Stopping {} failed: {}", next.getClass().getSimpleName(), e.toString());
            }
        }
        log.info("Local AWS emulators stopped");
    }
}
