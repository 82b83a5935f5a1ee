package routes.inbox;

import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Consumers declared in configuration ({@code app.routes.consumers.<name>.event-types}) for routes
 * added as YAML without Java: each becomes an {@link InboxConsumer} bean like the built-in ones, so
 * its queue, dead-letter queue, subscription and inbox follow from the one catalog (AwsResources).
 */
@Component
public class ConfiguredConsumers implements BeanDefinitionRegistryPostProcessor, EnvironmentAware {

    static final String PREFIX = "app.routes.consumers";

    /** One configured consumer: the event types it reads; filtered: SNS delivers only those (default). */
    public record Settings(Set<String> eventTypes, Boolean filterSubscription) {}

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        Map<String, Settings> consumers = Binder.get(environment)
                .bind(PREFIX, Bindable.mapOf(String.class, Settings.class)).orElse(Map.of());
        consumers.forEach((name, settings) -> {
            if (settings.eventTypes() == null || settings.eventTypes().isEmpty()) {
                throw new IllegalStateException(PREFIX + "." + name + ".event-types: name at least one event type");
            }
            InboxConsumer consumer = new InboxConsumer(name, settings.eventTypes(),
                    settings.filterSubscription() == null || settings.filterSubscription());
            registry.registerBeanDefinition("configuredConsumer-" + name,
                    new RootBeanDefinition(InboxConsumer.class, () -> consumer));
        });
    }
}
