package routes.explorer;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the saga explorer page (static/console/ in the jar) at {@code /console/}; {@code /console}
 * redirects there, so the page's relative links to the API and to Hawtio resolve under any host or prefix.
 */
@Configuration
class ConsoleConfiguration implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/console", "/console/");
        // Spring Boot serves index.html as a welcome page only at the root, not in a folder.
        registry.addViewController("/console/").setViewName("forward:/console/index.html");
    }
}
