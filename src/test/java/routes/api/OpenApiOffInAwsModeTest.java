package routes.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springdoc.core.configuration.SpringDocConfiguration;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springdoc.core.properties.SwaggerUiConfigProperties;
import org.springdoc.core.properties.SwaggerUiOAuthProperties;
import org.springdoc.webmvc.api.OpenApiWebMvcResource;
import org.springdoc.webmvc.core.configuration.SpringDocWebMvcConfiguration;
import org.springdoc.webmvc.ui.SwaggerConfig;
import org.springdoc.webmvc.ui.SwaggerWelcomeWebMvc;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * In the aws mode (the {@code aws} profile) there is no {@code /v3/api-docs} and no Swagger UI: the profile's
 * settings in application.yaml switch springdoc off, and springdoc then registers neither. A light check: the
 * aws mode needs real AWS, so the whole application cannot start here.
 */
class OpenApiOffInAwsModeTest {

    private static final String DOCS = "springdoc.api-docs.enabled";
    private static final String UI = "springdoc.swagger-ui.enabled";

    @Test
    void theAwsProfileServesNeitherTheDocumentNorSwaggerUi() {
        StandardEnvironment aws = configuration("aws");

        assertThat(aws.getProperty("app.aws.mode")).isEqualTo("aws");
        assertThat(aws.getProperty(DOCS, Boolean.class)).isFalse();
        assertThat(aws.getProperty(UI, Boolean.class)).isFalse();
        springdoc().withPropertyValues(DOCS + "=" + aws.getProperty(DOCS), UI + "=" + aws.getProperty(UI))
                .run(context -> assertThat(context).hasNotFailed()
                        .doesNotHaveBean(OpenApiWebMvcResource.class).doesNotHaveBean(SwaggerWelcomeWebMvc.class));
    }

    @Test
    void theLocalModesServeBoth() {
        StandardEnvironment local = configuration();

        assertThat(local.getProperty("app.aws.mode")).isEqualTo("embedded");
        assertThat(local.getProperty(DOCS)).isNull();
        assertThat(local.getProperty(UI)).isNull();
        springdoc().run(context -> assertThat(context).hasNotFailed()
                .hasSingleBean(OpenApiWebMvcResource.class).hasSingleBean(SwaggerWelcomeWebMvc.class));
    }

    /** application.yaml as Spring Boot reads it with these profiles active. */
    private static StandardEnvironment configuration(String... profiles) {
        StandardEnvironment environment = new StandardEnvironment();
        ConfigDataEnvironmentPostProcessor.applyTo(environment, new DefaultResourceLoader(), null, profiles);
        return environment;
    }

    private static WebApplicationContextRunner springdoc() {
        return new WebApplicationContextRunner().withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
                WebMvcAutoConfiguration.class, SpringDocConfiguration.class, SpringDocConfigProperties.class,
                SpringDocWebMvcConfiguration.class, SwaggerConfig.class, SwaggerUiConfigProperties.class,
                SwaggerUiOAuthProperties.class));
    }
}
