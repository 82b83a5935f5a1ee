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
    private final ResourceBootstrap bootstrap;
    private final ResourceVerifier verifier;

    AwsResourcesStartup(AwsProperties aws, AwsResources resources, DynamoDbClient dynamoDb, SnsClient sns, SqsClient sqs) {
        this.aws = aws;
        this.bootstrap = new ResourceBootstrap(resources, dynamoDb, sns, sqs);
        this.verifier = new ResourceVerifier(resources, dynamoDb, sns, sqs);
    }

    @Override
    public void afterPropertiesSet() {
        if (aws.mode() == AwsMode.AWS) {
            verifier.verify();
        } else {
            bootstrap.createAll();
        }
    }
}
