package routes.chaos;

import java.io.IOException;
import java.io.OutputStream;

/** Writes to two streams: a chaos IT keeps the report for its failure message and shows it on the console as it happens. */
final class ReportEcho extends OutputStream {

    private final OutputStream first;
    private final OutputStream second;

    ReportEcho(OutputStream first, OutputStream second) {
        this.first = first;
        this.second = second;
    }

    @Override
    public void write(int b) throws IOException {
        first.write(b);
        second.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        first.write(bytes, offset, length);
        second.write(bytes, offset, length);
    }
}
