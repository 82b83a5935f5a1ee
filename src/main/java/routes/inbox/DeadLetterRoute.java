package routes.inbox;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** The dead-letter channel of the SQS consumers: the failed message, with its reason, to its consumer's DLQ. */
@Component
public class DeadLetterRoute extends RouteBuilder {

    public static final String DEAD_LETTER = "direct:sqs-dead-letter";

    @Override
    public void configure() {
        from(DEAD_LETTER).routeId("sqs-dead-letter")
                .description("Sends a failed message, with its reason, to its consumer's dead-letter queue")
                .bean(DeadLetters.class, "send").id("send-to-dlq");
    }
}
