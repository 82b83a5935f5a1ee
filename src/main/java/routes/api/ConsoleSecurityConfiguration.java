package routes.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.jolokia.server.core.restrictor.AllowAllRestrictor;
import org.jolokia.server.core.service.api.Restrictor;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.info.InfoEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;

/**
 * Who may reach what. In the local modes (loopback only) everything stays open, as before. In the
 * aws mode, or with {@code app.console.authentication=required}, HTTP Basic with the operator's
 * credentials guards Hawtio, Jolokia, the saga explorer and console, the DLQ API and every actuator
 * endpoint but health and info; orders, inventory and the (HMAC-signed) LRA callbacks stay open.
 * Jolokia is then restricted by {@code jolokia/jolokia-access.xml}.
 */
@Configuration(proxyBeanMethods = false)
public class ConsoleSecurityConfiguration {

    static final String REALM = "camel-saga-outbox";
    /** Read by Jolokia only when the login is required; not on the root, where Jolokia would load it by itself. */
    static final String JOLOKIA_POLICY = "jolokia/jolokia-access.xml";

    private static final String[] API_PATHS = {"/api/**", "/lra-participant/**"};
    private static final String[] OPERATOR_API_PATHS = {"/api/sagas", "/api/sagas/**", "/api/dlq", "/api/dlq/**"};

    /** The JSON API: stateless, no CSRF (no cookie authenticates it), 401 as problem+json. */
    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ConsoleAccess access, ObjectMapper json) throws Exception {
        http.securityMatcher(API_PATHS)
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        if (!access.required()) {
            return open(http).build();
        }
        UnauthorizedProblem unauthorized = new UnauthorizedProblem(json);
        return http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(OPERATOR_API_PATHS).authenticated()
                        .anyRequest().permitAll())
                .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(unauthorized))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(unauthorized))
                .build();
    }

    /** The consoles and actuator: a browser session after the Basic login, CSRF tokens in the cookie Hawtio reads. */
    @Bean
    @Order(2)
    SecurityFilterChain consoleSecurity(HttpSecurity http, ConsoleAccess access) throws Exception {
        if (!access.required()) {
            return open(http.csrf(AbstractHttpConfigurer::disable)).build();
        }
        CsrfTokenRequestAttributeHandler plainToken = new CsrfTokenRequestAttributeHandler();
        // Loaded on every request, so the XSRF-TOKEN cookie is there before the console's first POST.
        plainToken.setCsrfRequestAttributeName(null);
        return http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(EndpointRequest.to(HealthEndpoint.class, InfoEndpoint.class)).permitAll()
                        .requestMatchers(EndpointRequest.toAnyEndpoint()).authenticated()
                        .requestMatchers("/actuator", "/actuator/**", "/console", "/console/**").authenticated()
                        // The API document and Swagger UI (local modes only: the aws profile turns them off).
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").authenticated()
                        .anyRequest().permitAll())
                .httpBasic(basic -> basic.realmName(REALM))
                .csrf(csrf -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(plainToken))
                .build();
    }

    /** The operator, when a login is required; nobody otherwise (nothing asks for one then). */
    @Bean
    UserDetailsService consoleUsers(ConsoleAccess access) {
        if (!access.required()) {
            return new InMemoryUserDetailsManager();
        }
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        return new InMemoryUserDetailsManager(User.withUsername(access.user())
                .password(encoder.encode(access.password())).roles("OPERATOR").build());
    }

    /** Jolokia's access policy: reading MBeans and the operations exposed on purpose; everything in the local modes. */
    @Bean
    Restrictor jolokiaRestrictor(ConsoleAccess access) {
        if (!access.required()) {
            return new AllowAllRestrictor();
        }
        try (InputStream policy = new ClassPathResource(JOLOKIA_POLICY).getInputStream()) {
            return JolokiaPolicy.read(policy);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the Jolokia policy " + JOLOKIA_POLICY, e);
        }
    }

    private static HttpSecurity open(HttpSecurity http) throws Exception {
        // As before Spring Security was added: no authorization rule, no extra headers, no saved requests.
        return http.headers(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable);
    }
}
