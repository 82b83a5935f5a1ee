package routes.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

/** app.outbox.* is read once, into OutboxProperties: what application.yaml ships and what the code defaults to. */
class OutboxPropertiesTest {

    @Test
    void applicationYamlShipsTheDefaultsOfTheCode() throws IOException {
        var shipped = new YamlPropertySourceLoader().load("application.yaml", new ClassPathResource("application.yaml"));

        OutboxProperties fromYaml = bind(ConfigurationPropertySources.from(shipped.get(0)).iterator().next());

        assertThat(fromYaml).isEqualTo(bind(new MapConfigurationPropertySource()));
    }

    @Test
    void publishRetriesBackOffFrom200MillisecondsUpTo5Seconds() {
        OutboxProperties defaults = bind(new MapConfigurationPropertySource());

        assertThat(defaults.publishRetryDelay()).isEqualTo(Duration.ofMillis(200));
        assertThat(defaults.publishRetryMaxDelay()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void streamPollDelayTakesADurationAndABareNumberStillMeansMilliseconds() {
        assertThat(bind(source("app.outbox.stream-poll-delay", "750ms")).streamPollDelay()).isEqualTo(Duration.ofMillis(750));
        assertThat(bind(source("app.outbox.stream-poll-delay", "500")).streamPollDelay()).isEqualTo(Duration.ofMillis(500));
    }

    private static MapConfigurationPropertySource source(String key, String value) {
        return new MapConfigurationPropertySource(Map.of(key, value));
    }

    private static OutboxProperties bind(ConfigurationPropertySource source) {
        return new Binder(List.of(source), null, ApplicationConversionService.getSharedInstance())
                .bindOrCreate("app.outbox", OutboxProperties.class);
    }
}
