package routes.aws.resources;

import java.util.Set;

/**
 * A consumer of the topic with a queue of its own (its name's entry in {@code app.resources.queues}),
 * subscribed with raw delivery. The resources learn the consumers from these beans, never by name.
 */
public interface SubscribedConsumer {

    String name();

    /** The event types SNS lets through to its queue; empty for every event. */
    Set<String> subscriptionFilter();
}
