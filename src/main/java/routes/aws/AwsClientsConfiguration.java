package routes.aws;

import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * The one set of AWS SDK clients. Camel's aws2 components autowire them, so no route carries an
 * endpoint or a credential.
 */
@Configuration(proxyBeanMethods = false)
public class AwsClientsConfiguration {

    @Bean
    @ConditionalOnProperty(name = "app.aws.mode", havingValue = "endpoint")
    AwsEndpoints configuredEndpoint(AwsProperties aws) {
        return aws.configuredEndpoints();
    }

    @Bean
    @ConditionalOnProperty(name = "app.aws.mode", havingValue = "aws")
    AwsEndpoints realAwsEndpoints() {
        return AwsEndpoints.realAws();
    }

    @Bean(destroyMethod = "close")
    DynamoDbClient dynamoDbClient(AwsProperties aws, AwsEndpoints endpoints) {
        return configure(DynamoDbClient.builder(), aws, endpoints, endpoints.dynamodb()).build();
    }

    @Bean(destroyMethod = "close")
    DynamoDbStreamsClient dynamoDbStreamsClient(AwsProperties aws, AwsEndpoints endpoints, DynamoDbClient dynamoDb) {
        // aws2-ddbstream autowires this one: it finds the stream without ListStreams (IAM: Resource "*" only).
        return new StreamsClientWithoutListing(
                configure(DynamoDbStreamsClient.builder(), aws, endpoints, endpoints.dynamodb()).build(), dynamoDb);
    }

    @Bean(destroyMethod = "close")
    SnsClient snsClient(AwsProperties aws, AwsEndpoints endpoints) {
        return configure(SnsClient.builder(), aws, endpoints, endpoints.sns()).build();
    }

    @Bean(destroyMethod = "close")
    SqsClient sqsClient(AwsProperties aws, AwsEndpoints endpoints) {
        return configure(SqsClient.builder(), aws, endpoints, endpoints.sqs()).build();
    }

    @Bean
    TopicArns topicArns(AwsProperties aws, AwsEndpoints endpoints,
            @Value("${app.local.account-id:000000000000}") String emulatorAccountId) {
        if (aws.mode() != AwsMode.AWS) {
            // Emulators have no STS of their own (the SNS stand-in); theirs, fauxqs' and LocalStack's ARNs carry 000000000000.
            return new TopicArns(aws.region(), () -> new TopicArns.Account("aws", emulatorAccountId));
        }
        return new TopicArns(aws.region(), () -> callerAccount(aws, endpoints));
    }

    // GetCallerIdentity needs no permission: IAM cannot deny it.
    private static TopicArns.Account callerAccount(AwsProperties aws, AwsEndpoints endpoints) {
        try (StsClient sts = configure(StsClient.builder(), aws, endpoints, endpoints.sns()).build()) {
            GetCallerIdentityResponse caller = sts.getCallerIdentity();
            return TopicArns.Account.ofCaller(caller.arn(), caller.account());
        }
    }

    private static <B extends AwsClientBuilder<B, ?>> B configure(
            B builder, AwsProperties aws, AwsEndpoints endpoints, URI endpoint) {
        builder.region(Region.of(aws.region()))
                .credentialsProvider(credentials(endpoints))
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallTimeout(aws.callTimeout())
                        .build());
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder;
    }

    private static AwsCredentialsProvider credentials(AwsEndpoints endpoints) {
        // Emulators accept any key; real AWS gets the default chain (env, profile, web identity, instance role).
        return endpoints.local()
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))
                : DefaultCredentialsProvider.builder().build();
    }
}
