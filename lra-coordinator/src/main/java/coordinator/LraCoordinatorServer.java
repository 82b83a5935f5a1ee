package coordinator;

import com.arjuna.ats.arjuna.recovery.RecoveryManager;
import io.narayana.lra.coordinator.internal.Implementations;
import io.undertow.Undertow;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.jboss.resteasy.plugins.server.undertow.UndertowJaxrsServer;

/** Narayana's LRA coordinator on embedded Undertow: started by {@link #start}, stopped by {@link #close}. */
public final class LraCoordinatorServer implements AutoCloseable {

    private final ObjectStoreLock storeLock;
    private final UndertowJaxrsServer http;
    private final RecoveryManager recovery;

    private LraCoordinatorServer(ObjectStoreLock storeLock, UndertowJaxrsServer http, RecoveryManager recovery) {
        this.storeLock = storeLock;
        this.http = http;
        this.recovery = recovery;
    }

    public static LraCoordinatorServer start(CoordinatorSettings settings) {
        // the recovery pass below takes seconds: a taken port is reported before it, not after
        requirePortFree(settings);
        ObjectStoreLock storeLock = ObjectStoreLock.acquire(settings.objectStoreDir());
        NarayanaEnvironment.apply(settings.objectStoreDir(), settings.recoveryPeriodSeconds());
        // what Narayana's own servlet listener does: register the LRA record types, then start recovery
        Implementations.install();
        RecoveryManager recovery = RecoveryManager.manager();
        try {
            // one synchronous pass loads the LRAs left in the store, so they are known before the first request
            recovery.scan();
            UndertowJaxrsServer http = new UndertowJaxrsServer().deploy(NarayanaCoordinatorApplication.class);
            listen(http, settings);
            return new LraCoordinatorServer(storeLock, http, recovery);
        } catch (RuntimeException e) {
            recovery.terminate();
            Implementations.uninstall();
            storeLock.close();
            throw e;
        }
    }

    private static void requirePortFree(CoordinatorSettings settings) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(settings.bindAddress(), settings.port()));
        } catch (BindException e) {
            throw new PortInUseException(settings, e);
        } catch (IOException e) {
            throw new IllegalStateException("cannot check " + settings.bindAddress() + ":" + settings.port(), e);
        }
    }

    private static void listen(UndertowJaxrsServer http, CoordinatorSettings settings) {
        try {
            http.start(Undertow.builder().addHttpListener(settings.port(), settings.bindAddress()));
        } catch (RuntimeException e) {
            if (causedByBind(e)) {
                throw new PortInUseException(settings, e);
            }
            throw e;
        }
    }

    private static boolean causedByBind(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        http.stop();
        recovery.terminate();
        Implementations.uninstall();
        storeLock.close();
    }
}
