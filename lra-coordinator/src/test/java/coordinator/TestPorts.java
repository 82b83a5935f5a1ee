package coordinator;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.stream.IntStream;

/** Ports the coordinator tests may use: 18800-18819, so they never meet the application's or another build's. */
final class TestPorts {

    private static final int FIRST = 18800;
    private static final int LAST = 18819;

    private TestPorts() {
    }

    static int free() {
        return IntStream.rangeClosed(FIRST, LAST)
                .filter(TestPorts::isFree)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no free port in " + FIRST + "-" + LAST));
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
