package routes.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/** What one dead-letter queue holds: the poison ids found in bodies, and a line per other message. */
record DeadLetterContents(List<String> poisonIds, List<String> others) {

    private static final Pattern POISON_ID = Pattern.compile("chaos-poison-[a-z-]+-\\d+");
    // Long enough that a message read once is not read again while the queue is emptied.
    private static final int HIDE_SECONDS = 600;

    /** Reads every message, hiding each for ten minutes instead of deleting it, so the queue stays as it is. */
    static DeadLetterContents read(SqsClient sqs, String queue) {
        String url = sqs.getQueueUrl(b -> b.queueName(queue)).queueUrl();
        List<String> poison = new ArrayList<>();
        List<String> others = new ArrayList<>();
        int emptyReceives = 0;
        while (emptyReceives < 2) {
            List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)
                    .visibilityTimeout(HIDE_SECONDS).messageAttributeNames("All")).messages();
            emptyReceives = messages.isEmpty() ? emptyReceives + 1 : 0;
            for (Message message : messages) {
                Matcher id = POISON_ID.matcher(message.body());
                if (id.find()) {
                    poison.add(id.group());
                } else {
                    MessageAttributeValue reason = message.messageAttributes().get("dlq-reason");
                    String body = message.body();
                    others.add((reason == null ? "no reason" : reason.stringValue()) + " | "
                            + (body.length() > 160 ? body.substring(0, 160) + "…" : body));
                }
            }
        }
        return new DeadLetterContents(poison, others);
    }
}
