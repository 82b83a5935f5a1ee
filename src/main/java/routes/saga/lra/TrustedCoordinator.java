package routes.saga.lra;

import java.net.URI;

/**
 * The one coordinator this instance works with. A saga id is the LRA's URL, and Camel's LRA service
 * calls whatever URL an incoming {@code Long-Running-Action} header names: only ids under the
 * configured coordinator are taken.
 */
public final class TrustedCoordinator {

    private final URI coordinator;
    private final String pathPrefix;

    public TrustedCoordinator(URI coordinator) {
        this.coordinator = coordinator;
        String path = coordinator.getRawPath() == null ? "" : coordinator.getRawPath().replaceAll("/+$", "");
        this.pathPrefix = path + "/";
    }

    /** True when {@code sagaId} is an LRA of the configured coordinator (same scheme, host, port, under its path). */
    public boolean owns(String sagaId) {
        if (sagaId == null) {
            return false;
        }
        URI id;
        try {
            id = URI.create(sagaId);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return coordinator.getScheme().equalsIgnoreCase(id.getScheme() == null ? "" : id.getScheme())
                && coordinator.getHost().equalsIgnoreCase(id.getHost() == null ? "" : id.getHost())
                && port(coordinator) == port(id)
                && id.getRawUserInfo() == null
                && id.getRawQuery() == null
                && id.getRawPath() != null
                && id.getRawPath().startsWith(pathPrefix)
                && !id.getRawPath().substring(pathPrefix.length()).isEmpty()
                && !id.getRawPath().contains("..");
    }

    /** The saga id, or an {@link UntrustedCoordinatorException} when another coordinator issued it. */
    public String require(String sagaId) {
        if (!owns(sagaId)) {
            throw new UntrustedCoordinatorException(sagaId, coordinator);
        }
        return sagaId;
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
