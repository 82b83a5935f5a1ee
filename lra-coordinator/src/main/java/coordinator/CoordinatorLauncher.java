package coordinator;

/** {@code java -jar lra-coordinator.jar}: starts the coordinator and stops it cleanly on SIGTERM or Ctrl-C. */
public final class CoordinatorLauncher {

    /** Exit status when a setting is wrong, the port is taken or the store is in use; the message on stderr says which. */
    static final int BAD_SETTINGS = 2;

    private CoordinatorLauncher() {
    }

    public static void main(String[] args) {
        CoordinatorSettings settings;
        LraCoordinatorServer server;
        try {
            settings = CoordinatorSettings.fromSystem();
            server = LraCoordinatorServer.start(settings);
        } catch (IllegalArgumentException | PortInUseException | ObjectStoreLock.StoreInUseException e) {
            System.err.println("lra-coordinator: " + e.getMessage());
            System.exit(BAD_SETTINGS);
            return;
        }
        // printed, not logged: JUL's own shutdown hook may already have closed its handlers
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            System.out.println("lra-coordinator: stopped");
        }, "lra-coordinator-shutdown"));
        System.out.println("lra-coordinator: listening on " + settings.url()
                + " (object store " + settings.objectStoreDir() + ")");
    }
}
