package routes.local.sns;

import java.time.Instant;
import java.util.Map;

/**
 * A message accepted by Publish or PublishBatch, ready to fan out.
 *
 * @param message                the body for SQS subscribers (already picked from a MessageStructure=json document)
 * @param subject                optional subject, null when not given
 * @param messageGroupId         FIFO topics only, else null
 * @param messageDeduplicationId FIFO topics only, else null
 */
record PublishedMessage(String messageId, String topicArn, String message, String subject,
                        Map<String, MessageAttribute> attributes, Instant timestamp,
                        String messageGroupId, String messageDeduplicationId) {

    PublishedMessage {
        attributes = Map.copyOf(attributes);
    }
}
