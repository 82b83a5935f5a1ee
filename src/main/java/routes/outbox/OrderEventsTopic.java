package routes.outbox;

import org.springframework.stereotype.Component;
import routes.aws.resources.EventsTopicArn;

/** The ARN of the {@code order-events} topic the relay publishes to (never looked up by listing topics). */
@Component
public class OrderEventsTopic {

    private final EventsTopicArn arn;

    public OrderEventsTopic(EventsTopicArn arn) {
        this.arn = arn;
    }

    public String arn() {
        return arn.value();
    }
}
