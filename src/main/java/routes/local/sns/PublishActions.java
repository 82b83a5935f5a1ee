package routes.local.sns;

import static routes.local.sns.XmlResponseWriter.element;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** Publish and PublishBatch: validates like SNS, then hands each message to the {@link TopicPublisher}. */
final class PublishActions {

    static final int MAX_MESSAGE_BYTES = 262_144;
    private static final int MAX_BATCH_ENTRIES = 10;
    private static final Pattern BATCH_ENTRY_ID = Pattern.compile("[A-Za-z0-9_-]{1,80}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TopicRegistry registry;
    private final TopicPublisher publisher;
    private final Clock clock;

    PublishActions(TopicRegistry registry, TopicPublisher publisher, Clock clock) {
        this.registry = registry;
        this.publisher = publisher;
        this.clock = clock;
    }

    void register(Map<String, SnsAction> actions) {
        actions.put("Publish", this::publish);
        actions.put("PublishBatch", this::publishBatch);
    }

    private String publish(SnsRequest request) {
        if (request.optional("PhoneNumber").isPresent()) {
            throw SnsError.invalidParameter("Invalid parameter: PhoneNumber Reason: the local SNS stand-in publishes to topics only");
        }
        String topicArn = request.optional("TopicArn").or(() -> request.optional("TargetArn"))
                .filter(arn -> !arn.isEmpty())
                .orElseThrow(() -> SnsError.invalidParameter(
                        "Invalid parameter: TopicArn or TargetArn Reason: no value for required parameter"));
        Topic topic = registry.requireTopic(topicArn);
        PublishedMessage message = accept(topic, request);
        publisher.publish(message);
        return element("MessageId", message.messageId());
    }

    private String publishBatch(SnsRequest request) {
        Topic topic = registry.requireTopic(request.required("TopicArn"));
        List<SnsRequest> entries = request.members("PublishBatchRequestEntries");
        checkBatch(entries);
        StringBuilder successful = new StringBuilder("<Successful>");
        StringBuilder failed = new StringBuilder("<Failed>");
        List<PublishedMessage> accepted = new ArrayList<>();
        for (SnsRequest entry : entries) {
            String id = entry.required("Id");
            try {
                PublishedMessage message = accept(topic, entry);
                accepted.add(message);
                successful.append("<member>").append(element("Id", id))
                        .append(element("MessageId", message.messageId())).append("</member>");
            } catch (SnsError e) {
                failed.append("<member>").append(element("Id", id)).append(element("Code", e.code()))
                        .append(element("Message", e.getMessage()))
                        .append(element("SenderFault", Boolean.toString(e.senderFault()))).append("</member>");
            }
        }
        accepted.forEach(publisher::publish);
        return successful.append("</Successful>").append(failed).append("</Failed>").toString();
    }

    private static void checkBatch(List<SnsRequest> entries) {
        if (entries.isEmpty()) {
            throw SnsError.sender("EmptyBatchRequest", "The batch request doesn't contain any entries.");
        }
        if (entries.size() > MAX_BATCH_ENTRIES) {
            throw SnsError.sender("TooManyEntriesInBatchRequest",
                    "The batch request contains more entries than permissible.");
        }
        Set<String> ids = new HashSet<>();
        long totalBytes = 0;
        for (SnsRequest entry : entries) {
            String id = entry.optional("Id").orElse("");
            if (!BATCH_ENTRY_ID.matcher(id).matches()) {
                throw SnsError.sender("InvalidBatchEntryId", "The Id of a batch entry in a batch request doesn't "
                        + "abide by the specification.");
            }
            if (!ids.add(id)) {
                throw SnsError.sender("BatchEntryIdsNotDistinct", "Two or more batch entries in the request have the same Id.");
            }
            totalBytes += entry.optional("Message").orElse("").getBytes(StandardCharsets.UTF_8).length;
        }
        if (totalBytes > MAX_MESSAGE_BYTES) {
            throw SnsError.sender("BatchRequestTooLong", "The length of all the messages put together is more than the limit.");
        }
    }

    /** Builds the message of a Publish request or of one PublishBatch entry; throws SnsError when SNS would refuse it. */
    private PublishedMessage accept(Topic topic, SnsRequest request) {
        String message = request.optional("Message").orElse("");
        if (message.isEmpty()) {
            throw SnsError.invalidParameter("Invalid parameter: Empty message");
        }
        Map<String, MessageAttribute> attributes = request.messageAttributes();
        if (sizeOf(message, attributes) > MAX_MESSAGE_BYTES) {
            throw SnsError.invalidParameter("Invalid parameter: Message too long");
        }
        if ("json".equals(request.optional("MessageStructure").orElse(null))) {
            message = sqsMessageOf(message);
        }
        String groupId = request.optional("MessageGroupId").orElse(null);
        String deduplicationId = request.optional("MessageDeduplicationId").orElse(null);
        if (topic.isFifo()) {
            if (groupId == null) {
                throw SnsError.invalidParameter("Invalid parameter: The MessageGroupId parameter is required for FIFO topics");
            }
            if (deduplicationId == null) {
                if (!topic.contentBasedDeduplication()) {
                    throw SnsError.invalidParameter("Invalid parameter: The topic should either have "
                            + "ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly");
                }
                deduplicationId = sha256(message);
            }
        }
        return new PublishedMessage(UUID.randomUUID().toString(), topic.arn(), message,
                request.optional("Subject").orElse(null), attributes, clock.instant(), groupId, deduplicationId);
    }

    /** MessageStructure=json: the "sqs" entry if present, else "default" (which SNS requires). */
    private static String sqsMessageOf(String document) {
        JsonNode parsed;
        try {
            parsed = JSON.readTree(document);
        } catch (JsonProcessingException e) {
            throw SnsError.invalidParameter("Invalid parameter: Message Structure - JSON message body failed to parse");
        }
        if (parsed == null || !parsed.isObject() || !parsed.path("default").isTextual()) {
            throw SnsError.invalidParameter("Invalid parameter: Message Structure - No default entry in JSON message body");
        }
        JsonNode sqs = parsed.path("sqs");
        return sqs.isTextual() ? sqs.textValue() : parsed.get("default").textValue();
    }

    private static long sizeOf(String message, Map<String, MessageAttribute> attributes) {
        long size = message.getBytes(StandardCharsets.UTF_8).length;
        for (Map.Entry<String, MessageAttribute> attribute : attributes.entrySet()) {
            size += attribute.getKey().length() + attribute.getValue().dataType().length()
                    + (attribute.getValue().displayValue() == null ? 0 : attribute.getValue().displayValue().length());
        }
        return size;
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
