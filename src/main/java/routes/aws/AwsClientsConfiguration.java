package routes.aws;

import java.net.URI;
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
    DynamoDbStreamsClient dynamoDbStreamsClient(AwsProperties aws, AwsEndpoints endpoints) {
        return configure(DynamoDbStreamsClient.builder(), aws, endpoints, endpoints.dynamodb()).build();
    }

    @Bean(destroyMethod = "close")
    SnsClient snsClient(AwsProperties aws, AwsEndpoints endpoints) {
        return configure(SnsClient.builder(), aws, endpoints, endpoints.sns()).build();
    }

    @Bean(destroyMethod = "close")
    SqsClient sqsClient(AwsProperties aws, AwsEndpoints endpoints) {
        return configure(SqsClient.builder(), aws, endpoints, endpoints.sqs()).build();
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
