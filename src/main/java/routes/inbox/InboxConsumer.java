package routes.inbox;

import java.util.Set;
import routes.aws.resources.SubscribedConsumer;

/**
 * One SQS consumer, declared as a bean by the context that consumes: its name (which names its queue,
 * dead-letter queue and inbox keys), the event types it reads and whether its subscription lets only
 * those through. The inbox, the dead-letter queues and the AWS resources learn the consumers from these.
 *
 * @param filterSubscription true: SNS delivers only {@code eventTypes}; false: every event reaches the
 *                           queue, and a type the consumer does not read is dead-lettered as unsupported
 */
public record InboxConsumer(String name, Set<String> eventTypes, boolean filterSubscription) implements SubscribedConsumer {

    /** Exchange property naming the consumer an exchange belongs to (and so its queue and dead-letter queue). */
    public static final String PROPERTY = "inboxConsumer";

    public InboxConsumer {
        if (name == null || name.isBlank() || eventTypes == null || eventTypes.isEmpty()) {
            throw new IllegalArgumentException("An inbox consumer needs a name and at least one event type");
        }
        eventTypes = Set.copyOf(eventTypes);
    }

    /** A consumer whose queue receives only the types it reads. */
    public static InboxConsumer filteredTo(String name, Set<String> eventTypes) {
        return new InboxConsumer(name, eventTypes, true);
    }

    /** A consumer whose queue receives every event; it reads only {@code eventTypes}. */
    public static InboxConsumer unfiltered(String name, Set<String> eventTypes) {
        return new InboxConsumer(name, eventTypes, false);
    }

    @Override
    public Set<String> subscriptionFilter() {
        return filterSubscription ? eventTypes : Set.of();
    }
}
