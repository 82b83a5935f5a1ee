package routes.inbox;

/** A consumer name no {@link InboxConsumer} declares (the API answers 404 naming the known ones). */
public class UnknownConsumerException extends RuntimeException {
    public UnknownConsumerException(String consumer, Iterable<String> known) {
        super("No consumer named " + consumer + " (known: " + String.join(", ", known) + ")");
    }
}
