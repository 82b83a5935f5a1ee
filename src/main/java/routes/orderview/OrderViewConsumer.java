package routes.orderview;

import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import routes.inbox.InboxConsumer;
import routes.inventory.InventoryEvents;
import routes.order.OrderEvents;
import routes.payment.PaymentEvents;

/** The order-view consumer's declaration: every order, inventory and payment event, its subscription unfiltered. */
@Configuration(proxyBeanMethods = false)
public class OrderViewConsumer {

    public static final String NAME = "order-view";
    public static final InboxConsumer DECLARATION = InboxConsumer.unfiltered(NAME, Set.of(OrderEvents.CREATED,
            InventoryEvents.RESERVED, PaymentEvents.CAPTURED, PaymentEvents.DECLINED, PaymentEvents.REFUNDED,
            InventoryEvents.RELEASED, OrderEvents.CONFIRMED, OrderEvents.CANCELLED));

    @Bean
    InboxConsumer orderViewInboxConsumer() {
        return DECLARATION;
    }
}
