package routes.local.sns;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/** Sends one SNS delivery into an SQS queue, resolving the queue ARN to its URL (cached) through the SqsClient. */
final class SqsQueueSender {

    private final SqsClient sqs;
    private final Map<String, String> queueUrlsByName = new ConcurrentHashMap<>();

    SqsQueueSender(SqsClient sqs) {
        this.sqs = sqs;
    }

    /**
     * @param attributes SQS message attributes (raw delivery only; empty for the envelope)
     * @return the SQS message id
     */
    String send(SqsQueueArn queue, String body, Map<String, MessageAttribute> attributes,
                String messageGroupId, String messageDeduplicationId) {
        String queueUrl = queueUrlsByName.computeIfAbsent(queue.queueName(),
                name -> sqs.getQueueUrl(request -> request.queueName(name)).queueUrl());
        SendMessageRequest request = SendMessageRequest.builder()
                .queueUrl(queueUrl)
                .messageBody(body)
                .messageAttributes(toSqsAttributes(attributes))
                .messageGroupId(messageGroupId)
                .messageDeduplicationId(messageDeduplicationId)
                .build();
        try {
            return sqs.sendMessage(request).messageId();
        } catch (QueueDoesNotExistException e) {
            queueUrlsByName.remove(queue.queueName());
            throw e;
        }
    }

    private static Map<String, MessageAttributeValue> toSqsAttributes(Map<String, MessageAttribute> attributes) {
        Map<String, MessageAttributeValue> result = new LinkedHashMap<>();
        attributes.forEach((name, attribute) -> result.put(name, attribute.isBinary()
                ? MessageAttributeValue.builder().dataType(attribute.dataType())
                        .binaryValue(SdkBytes.fromByteArray(attribute.binaryBytes())).build()
                : MessageAttributeValue.builder().dataType(attribute.dataType())
                        .stringValue(attribute.stringValue()).build()));
        return result;
    }
}
