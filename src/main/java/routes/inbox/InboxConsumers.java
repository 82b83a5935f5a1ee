package routes.inbox;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.springframework.stereotype.Component;
import routes.aws.resources.ResourceNames;

/**
 * The declared consumers by name: each one's queue, dead-letter queue and event reader. The first
 * step of every consumer route ({@link SqsConsumerRouteTemplate}) reads its message here.
 */
@Component
public class InboxConsumers {

    private final Map<String, InboxConsumer> byName;
    private final Map<String, InboundEvents> readers;
    private final ResourceNames names;

    public InboxConsumers(List<InboxConsumer> declared, ResourceNames names) {
        this.byName = new TreeMap<>();
        for (InboxConsumer consumer : declared) {
            if (byName.putIfAbsent(consumer.name(), consumer) != null) {
                throw new IllegalStateException("Two inbox consumers are named " + consumer.name());
            }
        }
        this.readers = byName.values().stream()
                .collect(Collectors.toMap(InboxConsumer::name, consumer -> new InboundEvents(consumer.eventTypes())));
        this.names = names;
    }

    public InboxConsumer named(String consumer) {
        InboxConsumer declared = byName.get(consumer);
        if (declared == null) {
            throw new UnknownConsumerException(consumer, byName.keySet());
        }
        return declared;
    }

    public String queueOf(String consumer) {
        return names.queueOf(named(consumer).name());
    }

    public String deadLetterQueueOf(String consumer) {
        return names.deadLetterQueue(queueOf(consumer));
    }

    /** The message as a CloudEvent of a type the exchange's consumer reads, or {@link InvalidEventException}. */
    public InboundEvent read(@ExchangeProperty(InboxConsumer.PROPERTY) String consumer, @Body String body) {
        named(consumer);
        return readers.get(consumer).parse(body);
    }
}
