package routes.notification;

import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import routes.inbox.InboxConsumer;
import routes.order.OrderEvents;

/** The notification consumer's declaration: confirmed and cancelled orders, the only types its subscription lets through. */
@Configuration(proxyBeanMethods = false)
public class NotificationConsumer {

    public static final String NAME = "notification";
    public static final InboxConsumer DECLARATION = InboxConsumer.filteredTo(NAME,
            Set.of(OrderEvents.CONFIRMED, OrderEvents.CANCELLED));

    @Bean
    InboxConsumer notificationInboxConsumer() {
        return DECLARATION;
    }
}
