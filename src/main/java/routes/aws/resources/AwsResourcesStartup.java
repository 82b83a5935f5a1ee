package routes.aws.resources;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;
import routes.aws.AwsMode;
import routes.aws.AwsProperties;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Runs before the Camel routes start (singletons initialise before Camel's context starts): on an
 * emulator it creates the resources, on real AWS it only checks them and fails fast.
 */
@Component
class AwsResourcesStartup implements InitializingBean {

    private final AwsProperties aws;
    private final AwsResources resources;
    private final DynamoDbClient dynamoDb;
    private final SnsClient sns;
    private final SqsClient sqs;
    private final EventsTopicArn topic;
    private final ResourceBootstrap bootstrap;

    AwsResourcesStartup(AwsProperties aws, AwsResources resources, DynamoDbClient dynamoDb, SnsClient sns, SqsClient sqs,
            EventsTopicArn topic) {
        this.aws = aws;
        this.resources = resources;
        this.dynamoDb = dynamoDb;
        this.sns = sns;
        this.sqs = sqs;
        this.topic = topic;
        this.bootstrap = new ResourceBootstrap(resources, dynamoDb, sns, sqs);
    }

    @Override
    public void afterPropertiesSet() {
        if (aws.mode() == AwsMode.AWS) {
            new ResourceVerifier(resources, dynamoDb, sns, sqs, topic.value()).verify();
        } else {
            bootstrap.createAll();
        }
    }
}
