package routes.aws.health;

import java.time.Duration;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** {@code /actuator/health} components {@code dynamodb}, {@code sns} and {@code sqs}. */
@Configuration(proxyBeanMethods = false)
class AwsHealthConfiguration {

    // A health probe must answer quickly even when the service hangs.
    private static final AwsRequestOverrideConfiguration PROBE = AwsRequestOverrideConfiguration.builder()
            .apiCallTimeout(Duration.ofSeconds(3))
            .build();

    @Bean
    HealthIndicator dynamodbHealthIndicator(DynamoDbClient dynamoDb) {
        return new AwsServiceHealthIndicator("DynamoDB",
                () -> dynamoDb.listTables(b -> b.limit(1).overrideConfiguration(PROBE)));
    }

    @Bean
    HealthIndicator snsHealthIndicator(SnsClient sns) {
        return new AwsServiceHealthIndicator("SNS", () -> sns.listTopics(b -> b.overrideConfiguration(PROBE)));
    }

    @Bean
    HealthIndicator sqsHealthIndicator(SqsClient sqs) {
        return new AwsServiceHealthIndicator("SQS",
                () -> sqs.listQueues(b -> b.maxResults(1).overrideConfiguration(PROBE)));
    }
}
