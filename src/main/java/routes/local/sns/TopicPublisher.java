package routes.local.sns;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans a published message out to the topic's sqs subscriptions whose filter policy accepts it,
 * synchronously, so a successful Publish means the copies are in the queues. Raw delivery sends the
 * message with its attributes as SQS message attributes; otherwise the body is the notification
 * envelope. A failed delivery is logged with the message id and does not stop the others.
 */
final class TopicPublisher {

    private static final Logger log = LoggerFactory.getLogger(TopicPublisher.class);

    private final TopicRegistry registry;
    private final SqsQueueSender sender;
    private final NotificationEnvelope envelope;

    TopicPublisher(TopicRegistry registry, SqsQueueSender sender, NotificationEnvelope envelope) {
        this.registry = registry;
        this.sender = sender;
        this.envelope = envelope;
    }

    void publish(PublishedMessage message) {
        for (Subscription subscription : registry.subscriptionsOf(message.topicArn())) {
            try {
                if (accepts(subscription, message)) {
                    deliver(message, subscription);
                }
            } catch (RuntimeException e) {
                log.warn("SNS stand-in could not deliver message {} from {} to {} (subscription {}): {}",
                        message.messageId(), message.topicArn(), subscription.endpoint(), subscription.arn(), e.toString());
            }
        }
    }

    private static boolean accepts(Subscription subscription, PublishedMessage message) {
        return subscription.filterPolicy()
                .map(FilterPolicyMatcher::compile)
                .map(policy -> subscription.filtersOnMessageBody()
                        ? policy.matchesBody(message.message())
                        : policy.matchesAttributes(message.attributes()))
                .orElse(true);
    }

    private void deliver(PublishedMessage message, Subscription subscription) {
        SqsQueueArn queue = SqsQueueArn.parse(subscription.endpoint())
                .orElseThrow(() -> new IllegalStateException("not an SQS queue ARN: " + subscription.endpoint()));
        boolean raw = subscription.rawMessageDelivery();
        String sqsMessageId = sender.send(queue,
                raw ? message.message() : envelope.toJson(message, subscription),
                raw ? message.attributes() : Map.of(),
                message.messageGroupId(), message.messageDeduplicationId());
        log.debug("SNS stand-in delivered message {} to {} as SQS message {} (raw={})",
                message.messageId(), queue.queueName(), sqsMessageId, raw);
    }
}
