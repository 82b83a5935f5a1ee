package routes.aws;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code app.aws.*}: which AWS the application talks to.
 *
 * @param mode        embedded (default), endpoint or aws
 * @param region      region of every client and of the ARNs of local resources
 * @param endpoint    endpoint mode: the one endpoint of every service (LocalStack, fauxqs, Floci)
 * @param endpoints   endpoint mode: a service's own endpoint, before {@code endpoint} (the emulators
 *                    run standalone listen on one port each)
 * @param callTimeout bound on one AWS API call, the SDK's retries included
 */
@Validated
@ConfigurationProperties("app.aws")
public record AwsProperties(
        @NotNull @DefaultValue("embedded") AwsMode mode,
        @NotBlank @DefaultValue("us-east-1") String region,
        URI endpoint,
        @NotNull @DefaultValue ServiceEndpoints endpoints,
        @NotNull @DefaultValue("10s") Duration callTimeout) {

    /** Per-service endpoint overrides; each null falls back to {@code app.aws.endpoint}. */
    public record ServiceEndpoints(URI dynamodb, URI sns, URI sqs) {}

    /** The endpoints of endpoint mode, failing with the name of the property to set. */
    public AwsEndpoints configuredEndpoints() {
        return new AwsEndpoints(required("dynamodb", endpoints.dynamodb()), required("sns", endpoints.sns()),
                required("sqs", endpoints.sqs()), true);
    }

    private URI required(String service, URI own) {
        URI chosen = own != null ? own : endpoint;
        if (chosen == null) {
            throw new IllegalStateException("app.aws.mode is endpoint but neither app.aws.endpoint nor app.aws.endpoints."
                    + service + " is set");
        }
        return chosen;
    }
}
