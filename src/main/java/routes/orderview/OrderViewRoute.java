package routes.orderview;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;
import routes.aws.resources.ResourceNames;
import routes.inbox.SqsConsumerRouteTemplate;

/**
 * The order-view consumer: every order, inventory and payment event from its own queue, once,
 * merged into the customer's order view in whatever order they arrive; an event that adds nothing is
 * skipped. The route is the SQS consumer template ({@link SqsConsumerRouteTemplate}).
 */
@Component
public class OrderViewRoute extends RouteBuilder {

    private final ResourceNames names;

    public OrderViewRoute(ResourceNames names) {
        this.names = names;
    }

    @Override
    public void configure() {
        templatedRoute(SqsConsumerRouteTemplate.TEMPLATE)
                .routeId("order-view-update")
                .prefixId(OrderViewConsumer.NAME + "-")
                .parameter(SqsConsumerRouteTemplate.CONSUMER, OrderViewConsumer.NAME)
                .parameter(SqsConsumerRouteTemplate.QUEUE, names.queueOf(OrderViewConsumer.NAME))
                .parameter(SqsConsumerRouteTemplate.HANDLER, "orderViewProjection")
                .parameter(SqsConsumerRouteTemplate.HANDLER_METHOD, "apply")
                // Several threads: events of different orders apply in parallel, those of one order merge in any order.
                .parameter(SqsConsumerRouteTemplate.CONCURRENT_CONSUMERS, "4");
    }
}
