package routes.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The HTTP API's OpenAPI 3 document ({@code /v3/api-docs}, browsable at {@code /swagger-ui.html}): the
 * controllers describe their operations; {@link ProblemResponses} adds the problem+json shape to every error.
 * springdoc serves it only in the local modes: the aws profile turns it off (application.yaml).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String DESCRIPTION = """
            Places orders whose saga (order-create, inventory-reserve, payment-capture, order-confirm, compensated \
            in reverse) runs in the background; shows orders, stock, the sagas and the consumers' dead letters. \
            Every error is application/problem+json (RFC 9457). While the application starts or stops, or a backing \
            service is away, every call answers 503 with Retry-After and does nothing: send it again then.""";

    @Bean
    OpenAPI apiDocument(@Value("${app.api.docs.version:unknown}") String version,
            @Value("${app.api.docs.licence-name:}") String licenceName,
            @Value("${app.api.docs.licence-url:}") String licenceUrl) {
        Info info = new Info().title("camel-saga-outbox API").version(version).description(DESCRIPTION);
        if (!licenceName.isBlank()) {
            info.license(new License().name(licenceName).url(licenceUrl.isBlank() ? null : licenceUrl));
        }
        return new OpenAPI().info(info).components(new Components());
    }

    @Bean
    OpenApiCustomizer problemResponses(ApiProperties settings) {
        return new ProblemResponses(settings);
    }
}
