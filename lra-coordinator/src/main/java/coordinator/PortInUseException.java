package coordinator;

/** The coordinator's port is taken: the message says which port and how to choose another. */
public class PortInUseException extends RuntimeException {

    PortInUseException(CoordinatorSettings settings, Throwable cause) {
        super("cannot listen on " + settings.bindAddress() + ":" + settings.port() + ", the port is already in use;"
                + " stop what uses it or choose another port with -D" + CoordinatorSettings.PORT.systemProperty()
                + "=<port> or " + CoordinatorSettings.PORT.environmentVariable() + "=<port>", cause);
    }
}
