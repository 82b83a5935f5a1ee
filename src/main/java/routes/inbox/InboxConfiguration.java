package routes.inbox;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The event readers of the two consumers, by the types each one supports (YAML routes refer to them by name). */
@Configuration(proxyBeanMethods = false)
class InboxConfiguration {

    @Bean
    InboundEvents notificationEvents() {
        return new InboundEvents(SqsConsumers.NOTIFICATION_TYPES);
    }

    @Bean
    InboundEvents orderViewEvents() {
        return new InboundEvents(SqsConsumers.ORDER_VIEW_TYPES);
    }
}
