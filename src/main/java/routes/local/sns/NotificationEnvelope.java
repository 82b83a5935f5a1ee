package routes.local.sns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The JSON document SNS puts in the SQS body when raw message delivery is off. Signature fields are
 * placeholders (the stand-in signs nothing); the UnsubscribeURL points at the stand-in itself and works.
 */
final class NotificationEnvelope {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final URI endpoint;

    NotificationEnvelope(URI endpoint) {
        this.endpoint = endpoint;
    }

    String toJson(PublishedMessage message, Subscription subscription) {
        ObjectNode envelope = JSON.createObjectNode()
                .put("Type", "Notification")
                .put("MessageId", message.messageId())
                .put("TopicArn", message.topicArn());
        if (message.subject() != null) {
            envelope.put("Subject", message.subject());
        }
        envelope.put("Message", message.message())
                .put("Timestamp", TIMESTAMP.format(message.timestamp()))
                .put("SignatureVersion", "1")
                .put("Signature", "TE9DQUwtU05TLVNUQU5ELUlO")
                .put("SigningCertURL", endpoint.resolve("/SimpleNotificationService-local-stand-in.pem").toString())
                .put("UnsubscribeURL", endpoint.resolve("/?Action=Unsubscribe&SubscriptionArn="
                        + URLEncoder.encode(subscription.arn(), StandardCharsets.UTF_8)).toString());
        if (!message.attributes().isEmpty()) {
            ObjectNode attributes = envelope.putObject("MessageAttributes");
            message.attributes().forEach((name, attribute) -> attributes.putObject(name)
                    .put("Type", attribute.dataType())
                    .put("Value", attribute.displayValue()));
        }
        try {
            return JSON.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the notification envelope of " + message.messageId(), e);
        }
    }
}
