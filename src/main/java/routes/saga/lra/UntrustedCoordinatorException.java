package routes.saga.lra;

import java.net.URI;

/** A saga id that is not an LRA of the configured coordinator: never joined, completed or compensated. */
public class UntrustedCoordinatorException extends IllegalArgumentException {

    public UntrustedCoordinatorException(String sagaId, URI coordinator) {
        super("Saga id " + sagaId + " is not an LRA of the configured coordinator " + coordinator);
    }
}
