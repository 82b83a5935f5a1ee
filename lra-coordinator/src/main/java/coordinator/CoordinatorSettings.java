package coordinator;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Where the coordinator listens and keeps its log. Each setting is read from a system property, then from the
 * environment, then falls back to its default.
 */
public record CoordinatorSettings(String bindAddress, int port, Path objectStoreDir, int recoveryPeriodSeconds) {

    /** The path camel-lra's coordinator-context-path expects by default; Narayana's resource is served there. */
    public static final String CONTEXT_PATH = "/lra-coordinator";

    static final Setting BIND_ADDRESS = new Setting("lra.coordinator.bind-address", "LRA_COORDINATOR_BIND_ADDRESS", "127.0.0.1");
    // 8080 is the application's port; 50000 keeps the two apart on one machine
    static final Setting PORT = new Setting("lra.coordinator.port", "LRA_COORDINATOR_PORT", "50000");
    static final Setting OBJECT_STORE_DIR = new Setting("lra.coordinator.object-store-dir", "LRA_COORDINATOR_OBJECT_STORE_DIR", "lra-object-store");
    // How often a participant that did not answer (its instance was down) is called again, and an expired
    // LRA found after a restart is cancelled. Narayana's 120 s is a JTA default; sagas time out in tens of seconds.
    static final Setting RECOVERY_PERIOD = new Setting("lra.coordinator.recovery-period-seconds", "LRA_COORDINATOR_RECOVERY_PERIOD_SECONDS", "15");

    public CoordinatorSettings {
        if (bindAddress == null || bindAddress.isBlank()) {
            throw new IllegalArgumentException(BIND_ADDRESS.describe() + " must not be blank");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(PORT.describe() + " must be between 1 and 65535, was " + port);
        }
        objectStoreDir = objectStoreDir.toAbsolutePath().normalize();
        if (recoveryPeriodSeconds < 1) {
            throw new IllegalArgumentException(RECOVERY_PERIOD.describe() + " must be at least 1, was " + recoveryPeriodSeconds);
        }
    }

    public CoordinatorSettings(String bindAddress, int port, Path objectStoreDir) {
        this(bindAddress, port, objectStoreDir, Integer.parseInt(RECOVERY_PERIOD.defaultValue()));
    }

    public static CoordinatorSettings fromSystem() {
        return from(System::getProperty, System.getenv());
    }

    static CoordinatorSettings from(UnaryOperator<String> systemProperties, Map<String, String> environment) {
        return new CoordinatorSettings(
                BIND_ADDRESS.read(systemProperties, environment),
                parsePort(PORT.read(systemProperties, environment)),
                Path.of(OBJECT_STORE_DIR.read(systemProperties, environment)),
                parseNumber(RECOVERY_PERIOD, RECOVERY_PERIOD.read(systemProperties, environment)));
    }

    /** The URL clients are given: camel.lra.coordinator-url is this without the context path. */
    public URI url() {
        String host = bindAddress.contains(":") ? "[" + bindAddress + "]" : bindAddress;
        return URI.create("http://" + host + ":" + port + CONTEXT_PATH);
    }

    private static int parsePort(String value) {
        return parseNumber(PORT, value);
    }

    private static int parseNumber(Setting setting, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(setting.describe() + " must be a number, was '" + value + "'", e);
        }
    }

    record Setting(String systemProperty, String environmentVariable, String defaultValue) {

        String read(UnaryOperator<String> systemProperties, Map<String, String> environment) {
            String fromProperty = systemProperties.apply(systemProperty);
            if (fromProperty != null) {
                return fromProperty;
            }
            return environment.getOrDefault(environmentVariable, defaultValue);
        }

        String describe() {
            return systemProperty + " (" + environmentVariable + ")";
        }
    }
}
