package routes.aws.health;

import java.time.Duration;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import routes.aws.resources.AwsResources;
import routes.aws.resources.EventsTopicArn;
import routes.aws.resources.ResourceNames;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * {@code /actuator/health} components {@code dynamodb}, {@code sns} and {@code sqs}. Each probe names one
 * of the application's resources: the List* calls IAM grants only on Resource "*".
 */
@Configuration(proxyBeanMethods = false)
class AwsHealthConfiguration {

    // A health probe must answer quickly even when the service hangs.
    private static final AwsRequestOverrideConfiguration PROBE = AwsRequestOverrideConfiguration.builder()
            .apiCallTimeout(Duration.ofSeconds(3))
            .build();

    @Bean
    HealthIndicator dynamodbHealthIndicator(DynamoDbClient dynamoDb, ResourceNames names) {
        return new AwsServiceHealthIndicator("DynamoDB",
                () -> dynamoDb.describeTable(b -> b.tableName(names.ordersTable()).overrideConfiguration(PROBE)));
    }

    @Bean
    HealthIndicator snsHealthIndicator(SnsClient sns, EventsTopicArn topic) {
        return new AwsServiceHealthIndicator("SNS",
                () -> sns.getTopicAttributes(b -> b.topicArn(topic.value()).overrideConfiguration(PROBE)));
    }

    @Bean
    HealthIndicator sqsHealthIndicator(SqsClient sqs, AwsResources resources) {
        String queue = resources.queues().get(0).name();
        return new AwsServiceHealthIndicator("SQS", () -> {
            String url = sqs.getQueueUrl(b -> b.queueName(queue).overrideConfiguration(PROBE)).queueUrl();
            sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)
                    .overrideConfiguration(PROBE));
        });
    }
}
