package routes.support;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import routes.aws.resources.AwsResources;
import routes.aws.resources.ResourceNames;
import routes.inbox.InboxConsumer;
import routes.notification.NotificationConsumer;
import routes.orderview.OrderViewConsumer;

/** The resources with every default and nothing configured: for tests that build them by hand. */
public final class ResourceDefaults {

    /** The consumers the application declares. */
    public static final List<InboxConsumer> CONSUMERS = List.of(NotificationConsumer.DECLARATION, OrderViewConsumer.DECLARATION);

    private ResourceDefaults() {}

    public static ResourceNames names() {
        return names(Map.of());
    }

    /** The defaults with some {@code app.resources.*} keys set, e.g. {@code "topic" -> "no-topic"}. */
    public static ResourceNames names(Map<String, String> overrides) {
        MapConfigurationPropertySource source = new MapConfigurationPropertySource();
        overrides.forEach((key, value) -> source.put("app.resources." + key, value));
        return new Binder(source).bindOrCreate("app.resources", ResourceNames.class);
    }

    public static AwsResources resources() {
        return resources(names());
    }

    public static AwsResources resources(ResourceNames names) {
        return new AwsResources(names, CONSUMERS);
    }
}
