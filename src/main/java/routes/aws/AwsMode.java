package routes.aws;

/** Where the application's AWS clients point: chosen with {@code app.aws.mode}. */
public enum AwsMode {
    /** The project's DynamoDB emulator, ElasticMQ and the SNS stand-in run inside this JVM (the default). */
    EMBEDDED,
    /** Nothing embedded: every client uses {@code app.aws.endpoint} (LocalStack, fauxqs, another instance). */
    ENDPOINT,
    /** Real AWS with the default credentials provider chain; infra/ owns the resources. */
    AWS
}
