package routes.aws.resources;

import java.time.Duration;

/**
 * An SQS queue with its dead-letter queue: the receive count after which SQS moves a message there,
 * the queue's visibility timeout and how long the dead-letter queue keeps a message.
 */
public record QueueSpec(String name, String deadLetterQueue, int maxReceiveCount, Duration visibilityTimeout,
        Duration deadLetterRetention) {}
