package routes.orderview;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;
import routes.inbox.InboxMetrics;
import routes.inbox.InboxRepository;
import routes.inbox.SqsConsumerRouteConfigurations;
import routes.inbox.SqsConsumers;

/**
 * The order-view consumer: every order, inventory and payment event from its own queue, once,
 * merged into the customer's order view in whatever order they arrive; an event that adds nothing is
 * skipped (route configuration {@code sqs-consumer}).
 */
@Component
public class OrderViewRoute extends RouteBuilder {

    private final InboxRepository inbox;

    public OrderViewRoute(InboxRepository inbox) {
        this.inbox = inbox;
    }

    @Override
    public void configure() {
        // Several threads: events of different orders apply in parallel, those of one order merge in any order.
        // Greedy: a poll that brought messages is followed at once by the next, not after the 500 ms poll delay.
        from("aws2-sqs:{{app.resources.order-view-queue}}?attributeNames=All&messageAttributeNames=All"
                + "&concurrentConsumers=4&maxMessagesPerPoll=10&waitTimeSeconds=1&greedy=true")
                .routeId("order-view-update")
                .description("Applies order, inventory and payment events to the customer's order view, once each")
                .routeConfigurationId(SqsConsumerRouteConfigurations.SQS_CONSUMER)
                .setProperty(SqsConsumers.CONSUMER, constant(SqsConsumers.ORDER_VIEW))
                .bean("orderViewEvents", "parse").id("read-order-view-event")
                .idempotentConsumer(simple(SqsConsumers.ORDER_VIEW + "#${body.id()}"), inbox).skipDuplicate(false)
                    .id("order-view-inbox")
                    .filter(exchangeProperty(Exchange.DUPLICATE_MESSAGE).isEqualTo(true))
                        .bean(InboxMetrics.class, "duplicate")
                        .stop()
                    .end()
                    .bean(OrderViewProjection.class, "apply").id("apply-to-view")
                .end();
    }
}
