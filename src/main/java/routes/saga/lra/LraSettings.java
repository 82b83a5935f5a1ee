package routes.saga.lra;

import java.net.URI;
import java.time.Duration;

/**
 * How this instance takes part in LRA sagas.
 *
 * @param coordinator  the coordinator's base URL with its context path ({@code http://host:port/lra-coordinator}):
 *                     the only coordinator this instance talks to or takes saga ids from
 * @param callbackUrl  the base URL at which the coordinator reaches this instance
 * @param secret       the key participant URLs are signed with, the same on every instance
 * @param callTimeout  how long a call to the coordinator may take
 * @param sagaTimeout  each saga's time limit, from its start: the coordinator cancels it after that
 */
public record LraSettings(URI coordinator, URI callbackUrl, byte[] secret, Duration callTimeout, Duration sagaTimeout) {

    /** Where the participant callbacks are served, under {@link #callbackUrl()}. */
    public static final String PARTICIPANT_PATH = "/lra-participant";

    public LraSettings {
        if (secret.length < 32) {
            throw new IllegalArgumentException("the LRA callback secret must be at least 32 bytes");
        }
    }

    /** The coordinator's scheme, host and port: what Camel's LRA service calls its URL. */
    String coordinatorHost() {
        return coordinator.getScheme() + "://" + coordinator.getRawAuthority();
    }

    String coordinatorContextPath() {
        return coordinator.getRawPath() == null ? "" : coordinator.getRawPath().replaceAll("/+$", "");
    }

    String callbackHost() {
        return callbackUrl.toString().replaceAll("/+$", "");
    }
}
