package routes.camel;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/**
 * The handler of a consumer written only in YAML: hands the event, as it came from the queue (the
 * CloudEvent JSON), to an endpoint of the route file's own, e.g. {@code send(${exchange}, 'direct:fraud-tap-forward')}.
 * A failure there fails the delivery, so the consumer's retries and dead-letter queue apply.
 */
@Component(RouteHandoff.BEAN)
public class RouteHandoff {

    public static final String BEAN = "routeHandoff";

    private final ProducerTemplate producer;

    public RouteHandoff(ProducerTemplate producer) {
        this.producer = producer;
    }

    public void send(Exchange exchange, String endpointUri) {
        String received = exchange.getUnitOfWork().getOriginalInMessage().getBody(String.class);
        producer.sendBody(endpointUri, received);
    }
}
