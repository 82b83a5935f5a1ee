package routes.aws.resources;

/** An SQS queue with its dead-letter queue and the receive count after which SQS moves a message there. */
public record QueueSpec(String name, String deadLetterQueue, int maxReceiveCount) {}
