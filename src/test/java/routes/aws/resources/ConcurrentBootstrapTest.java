package routes.aws.resources;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import routes.support.EmbeddedAwsTest;
import routes.support.ResourceDefaults;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DescribeTimeToLiveRequest;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** An instance starting beside another on fresh tables starts: the bootstrap's races end in success. */
@EmbeddedAwsTest
class ConcurrentBootstrapTest {

    @Autowired DynamoDbClient dynamoDb;
    @Autowired SnsClient sns;
    @Autowired SqsClient sqs;

    @Test
    void timeToLiveEnabledByAnotherInstanceBetweenOurLookAndOurUpdateIsNoError() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        AwsResources fresh = ResourceDefaults.resources(ResourceDefaults.names(Map.of(
                "outbox-table", "outbox-" + suffix, "inbox-table", "inbox-" + suffix)));
        new ResourceBootstrap(fresh, dynamoDb, sns, sqs).createTables();
        List<String> ttlTables = List.of("outbox-" + suffix, "inbox-" + suffix);
        ttlTables.forEach(table -> dynamoDb.updateTimeToLive(b -> b.tableName(table)
                .timeToLiveSpecification(ttl -> ttl.enabled(false).attributeName(AwsResources.TTL_ATTRIBUTE))));

        new ResourceBootstrap(fresh, racedByAnotherInstance(), sns, sqs).createTables();

        ttlTables.forEach(table -> assertThat(dynamoDb.describeTimeToLive(b -> b.tableName(table))
                .timeToLiveDescription().timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED));
    }

    /** A client whose "is TTL on?" answer is followed at once by another instance turning it on. */
    private DynamoDbClient racedByAnotherInstance() {
        return (DynamoDbClient) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DynamoDbClient.class},
                (proxy, method, args) -> {
                    try {
                        Object answer = method.invoke(dynamoDb, args);
                        if (method.getName().equals("describeTimeToLive")) {
                            enableBehindOurBack(request(args[0]));
                        }
                        return answer;
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @SuppressWarnings("unchecked")
    private static DescribeTimeToLiveRequest request(Object argument) {
        return argument instanceof DescribeTimeToLiveRequest request ? request
                : DescribeTimeToLiveRequest.builder().applyMutation((Consumer<DescribeTimeToLiveRequest.Builder>) argument).build();
    }

    private void enableBehindOurBack(DescribeTimeToLiveRequest request) {
        if (dynamoDb.describeTimeToLive(request).timeToLiveDescription().timeToLiveStatus() == TimeToLiveStatus.DISABLED) {
            dynamoDb.updateTimeToLive(b -> b.tableName(request.tableName())
                    .timeToLiveSpecification(ttl -> ttl.enabled(true).attributeName(AwsResources.TTL_ATTRIBUTE)));
        }
    }
}
