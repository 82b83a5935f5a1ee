package routes.camel;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.TemplatedRouteDefinition;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.RouteWatcherReloadStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Camel's route reload, plus the {@code templatedRoute} entries of the edited file, which Camel 4.17's
 * reload leaves out: each replaces the running route of its id (same id, consumer, inbox, dead-letter
 * queue and metrics). A file that does not parse or build leaves the running routes as they were and is
 * logged as an error naming the file and, from the YAML parser, the line.
 */
class TemplatedRouteReload extends RouteWatcherReloadStrategy {

    private static final Logger log = LoggerFactory.getLogger(TemplatedRouteReload.class);

    TemplatedRouteReload(String directory) {
        super(directory, false);
    }

    @Override
    protected void onRouteReload(Collection<Resource> changed, boolean removeEverything) {
        // An editor that truncates before it writes shows the file empty for a moment: its next event brings the content.
        List<Resource> resources = changed.stream().filter(TemplatedRouteReload::hasContent).toList();
        if (resources.isEmpty()) {
            return;
        }
        try {
            super.onRouteReload(resources, removeEverything);
        } catch (RuntimeException e) {
            log.error("YAML routes not reloaded, the running routes stay as they were: {}", rootCause(e).getMessage(), e);
            return;
        }
        for (Resource resource : resources) {
            try {
                reloadTemplatedRoutes(resource);
            } catch (Exception e) {
                log.error("Templated routes of {} not reloaded; the running ones stay: {}", resource.getLocation(),
                        e.getMessage(), e);
            }
        }
    }

    private static boolean hasContent(Resource resource) {
        try (InputStream content = resource.getInputStream()) {
            return content.read() != -1;
        } catch (IOException gone) {
            return false;
        }
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private void reloadTemplatedRoutes(Resource resource) throws Exception {
        ModelCamelContext camel = (ModelCamelContext) getCamelContext();
        for (RoutesBuilder found : PluginHelper.getRoutesLoader(camel).findRoutesBuilders(resource)) {
            if (!(found instanceof RouteBuilder builder)) {
                continue;
            }
            builder.configureRoutes(camel);
            List<RouteDefinition> replaced = new ArrayList<>();
            for (TemplatedRouteDefinition templated : builder.getTemplatedRouteCollection().getTemplatedRoutes()) {
                RouteDefinition running = camel.getRouteDefinition(templated.getRouteId());
                if (running != null) {
                    camel.removeRouteDefinition(running);
                    replaced.add(running);
                }
            }
            try {
                builder.addTemplatedRoutesToCamelContext(camel);
            } catch (Exception e) {
                // The edit parsed but does not build (an unknown template or bean): the previous routes come back.
                for (RouteDefinition previous : replaced) {
                    if (camel.getRoute(previous.getRouteId()) == null) {
                        camel.addRouteDefinition(previous);
                    }
                }
                throw e;
            }
            builder.getTemplatedRouteCollection().getTemplatedRoutes()
                    .forEach(templated -> log.info("Reloaded route {} from {}", templated.getRouteId(), resource.getLocation()));
        }
    }
}
