package routes.local.dynamodb.durability;

import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/**
 * The on-disk record frame shared by log segments and snapshot files: {@code [length:int][crc32:int][payload]},
 * big-endian, the CRC over the length and the payload. A crash can leave the last frame short or with a
 * wrong CRC; {@link #read} tells such a frame apart from a good one so it is never applied half-written.
 */
final class Frames {

    static final int HEADER_BYTES = 8;
    /** Far above any commit DynamoDB accepts (4 MB per transaction); a larger length is garbage. */
    static final int MAX_PAYLOAD_BYTES = 256 * 1024 * 1024;

    private Frames() {}

    static byte[] frame(byte[] payload) {
        ByteBuffer frame = ByteBuffer.allocate(HEADER_BYTES + payload.length);
        frame.putInt(payload.length);
        frame.putInt(crc(payload.length, payload, 0));
        frame.put(payload);
        return frame.array();
    }

    /** The frame starting at {@code offset} of {@code bytes}, or null when none ends complete and intact there. */
    static byte[] read(byte[] bytes, int offset) {
        if (bytes.length - offset < HEADER_BYTES) return null;
        ByteBuffer header = ByteBuffer.wrap(bytes, offset, HEADER_BYTES);
        int length = header.getInt();
        int crc = header.getInt();
        if (length <= 0 || length > MAX_PAYLOAD_BYTES || length > bytes.length - offset - HEADER_BYTES) return null;
        if (crc(length, bytes, offset + HEADER_BYTES) != crc) return null;
        byte[] payload = new byte[length];
        System.arraycopy(bytes, offset + HEADER_BYTES, payload, 0, length);
        return payload;
    }

    /** Whether any intact frame starts after {@code offset}: then a bad frame there is damage, not a torn end. */
    static boolean anyIntactFrameAfter(byte[] bytes, int offset) {
        for (int start = offset + 1; start + HEADER_BYTES < bytes.length; start++) {
            if (read(bytes, start) != null) return true;
        }
        return false;
    }

    private static int crc(int length, byte[] bytes, int payloadOffset) {
        CRC32 crc = new CRC32();
        crc.update(ByteBuffer.allocate(4).putInt(length).array());
        crc.update(bytes, payloadOffset, length);
        return (int) crc.getValue();
    }
}
