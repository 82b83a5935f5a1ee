package routes.inbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;
import routes.aws.resources.ResourceNames;

/** The settings as application.yaml ships them, with no profile and nothing overridden (the test contexts override some). */
final class ApplicationDefaults {

    private ApplicationDefaults() {}

    static InboxProperties inbox() {
        return bind("app.inbox", InboxProperties.class);
    }

    static ResourceNames resources() {
        return bind("app.resources", ResourceNames.class);
    }

    private static <T> T bind(String prefix, Class<T> type) {
        try {
            var documents = new YamlPropertySourceLoader().load("application.yaml", new ClassPathResource("application.yaml"));
            return new Binder(ConfigurationPropertySources.from(documents.get(0)), null,
                    ApplicationConversionService.getSharedInstance()).bindOrCreate(prefix, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
