package routes.ordersaga;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import routes.aws.AwsMode;
import routes.aws.AwsProperties;
import routes.saga.SagaCustody;
import routes.saga.lra.GuardedLraSagaService;
import routes.saga.lra.LraCustody;
import routes.saga.lra.LraSettings;
import routes.saga.lra.ParticipantCallbackFilter;
import routes.saga.lra.RemoteParticipant;

/**
 * LRA mode ({@code app.saga.mode=lra}): the sagas are coordinated by the LRA coordinator at
 * {@code app.saga.lra.coordinator-url}, which calls this instance back at {@code callback-url}.
 * The callback secret comes from the environment ({@code SAGA_CALLBACK_SECRET}); the local modes
 * generate one into a file readable by this user only when it is not set, the aws mode refuses to
 * start without it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "app.saga.mode", havingValue = "lra")
class LraSagaConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LraSagaConfiguration.class);

    @Bean
    LraSettings lraSettings(SagaProperties saga, AwsProperties aws) {
        SagaProperties.Lra lra = saga.lra();
        if (lra.callbackUrl() == null || lra.callbackUrl().getPort() == 0) {
            throw new IllegalStateException("app.saga.lra.callback-url must name the URL at which the coordinator reaches "
                    + "this instance (it defaults to http://127.0.0.1:<server.port>, so server.port cannot be 0)");
        }
        return new LraSettings(lra.coordinatorUrl(), lra.callbackUrl(), secret(lra, aws.mode()), lra.callTimeout(), saga.timeout());
    }

    @Bean
    GuardedLraSagaService lraSagaService(LraSettings settings) {
        log.info("Sagas are coordinated by the LRA coordinator {}; it calls this instance back at {}",
                settings.coordinator(), settings.callbackUrl());
        return new GuardedLraSagaService(settings);
    }

    @Bean
    FilterRegistrationBean<ParticipantCallbackFilter> participantCallbackFilter(GuardedLraSagaService service, ObjectMapper json) {
        FilterRegistrationBean<ParticipantCallbackFilter> registration = new FilterRegistrationBean<>(
                new ParticipantCallbackFilter(service.coordinator(), service.signature(), json));
        registration.addUrlPatterns(LraSettings.PARTICIPANT_PATH + "/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    SagaCustody lraCustody(GuardedLraSagaService service, LraSettings settings) {
        return new LraCustody(service.coordinator(), settings.callTimeout());
    }

    @Bean
    RemoteParticipant remoteParticipant(GuardedLraSagaService service, LraSettings settings, ObjectMapper json) {
        return new RemoteParticipant(service.coordinator(), service.signature(), settings.callTimeout(), json);
    }

    private static byte[] secret(SagaProperties.Lra lra, AwsMode aws) {
        if (lra.callbackSecret() != null && !lra.callbackSecret().isBlank()) {
            return lra.callbackSecret().getBytes(StandardCharsets.UTF_8);
        }
        if (aws == AwsMode.AWS || lra.callbackSecretFile() == null) {
            throw new IllegalStateException("LRA mode needs a callback secret shared by every instance: set SAGA_CALLBACK_SECRET "
                    + "(at least 32 characters, from a secrets store)");
        }
        return secretFromFile(lra.callbackSecretFile());
    }

    /** One generated secret per host, so instances and restarts on this machine agree. */
    private static byte[] secretFromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                Path fresh = Files.createTempFile(file.toAbsolutePath().getParent(), "secret", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(fresh, Base64.getEncoder().encodeToString(random));
                try {
                    Files.createLink(file, fresh); // fails if another instance got there first: its secret stands
                } catch (FileAlreadyExistsException raced) {
                    log.debug("LRA callback secret {} was created by another instance", file);
                } finally {
                    Files.deleteIfExists(fresh);
                }
                log.info("LRA callback secret generated into {} (set SAGA_CALLBACK_SECRET to share one between hosts)", file);
            }
            return Files.readString(file).strip().getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the LRA callback secret file " + file, e);
        }
    }
}
