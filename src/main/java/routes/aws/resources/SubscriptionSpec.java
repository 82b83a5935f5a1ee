package routes.aws.resources;

import java.util.List;

/**
 * An SQS queue subscribed to the topic with raw message delivery. With event types, SNS delivers
 * only messages whose {@link AwsResources#EVENT_TYPE_ATTRIBUTE} attribute is one of them.
 */
public record SubscriptionSpec(String queue, List<String> eventTypes) {

    public boolean filtered() {
        return !eventTypes.isEmpty();
    }
}
