package routes.local.sns;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the local SNS stand-in listens and which ARNs it hands out.
 *
 * @param host      interface to bind, normally 127.0.0.1
 * @param port      TCP port; 0 picks a free one (see {@link SnsStandIn#endpoint()})
 * @param region    region used in topic and subscription ARNs
 * @param accountId account id used in ARNs
 * @param stateFile JSON file that keeps topics and subscriptions across restarts; null keeps them in memory only
 */
public record SnsStandInSettings(String host, int port, String region, String accountId, Path stateFile) {

    public SnsStandInSettings {
        requireText(host, "host");
        requireText(region, "region");
        requireText(accountId, "accountId");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
        }
    }

    private static void requireText(String value, String name) {
        if (Objects.requireNonNull(value, name).isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
