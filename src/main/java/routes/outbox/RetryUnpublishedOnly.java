package routes.outbox;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.util.ObjectHelper;

/**
 * Before a publish is redelivered: the body becomes the events the failed attempt left unpublished,
 * so SNS never sees again an event it accepted (Camel restores the original body on redelivery).
 */
final class RetryUnpublishedOnly implements Processor {

    @Override
    public void process(Exchange exchange) {
        Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        OutboxPublishException partial = ObjectHelper.getException(OutboxPublishException.class, caught);
        if (partial != null) {
            exchange.getMessage().setBody(partial.unpublished());
        }
    }
}
