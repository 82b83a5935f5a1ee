package routes.aws;

import java.net.URI;

/**
 * The endpoint overrides the AWS clients are built with. In aws mode every endpoint is null and the
 * SDK resolves the real one from the region. Local endpoints come with dummy static credentials,
 * real AWS with the default credentials provider chain.
 */
public record AwsEndpoints(URI dynamodb, URI sns, URI sqs, boolean local) {

    public static AwsEndpoints realAws() {
        return new AwsEndpoints(null, null, null, false);
    }
}
