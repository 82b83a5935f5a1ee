package routes.local.dynamodb.durability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import routes.local.dynamodb.engine.Commit;
import routes.local.dynamodb.streams.StreamsSnapshot;

/**
 * One snapshot on disk: the database state as commits and the streams' state, valid for the log up to
 * {@code position}. Written as frames (a header, one frame per commit, the streams) to a temporary file,
 * fsynced, then renamed into place, so a snapshot file is either complete or absent.
 */
final class SnapshotFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SnapshotFile() {}

    record Contents(long position, List<Commit> database, StreamsSnapshot streams) {}

    static void write(DataDirectory directory, Contents contents) throws IOException {
        Path target = directory.snapshot(contents.position());
        Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
            ObjectNode header = JSON.createObjectNode();
            header.put("position", contents.position());
            header.put("commits", contents.database().size());
            out.write(Frames.frame(JSON.writeValueAsBytes(header)));
            for (Commit commit : contents.database()) out.write(Frames.frame(CommitJson.write(commit)));
            out.write(Frames.frame(JSON.writeValueAsBytes(contents.streams().toJson())));
            out.flush();
            channel.force(true);
        }
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        directory.syncDirectory();
    }

    /** @throws IllegalStateException when the file is damaged: start-up must not guess */
    static Contents read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int offset = 0;
        byte[] headerBytes = frameAt(file, bytes, offset);
        offset += Frames.HEADER_BYTES + headerBytes.length;
        JsonNode header = JSON.readTree(headerBytes);
        int count = header.get("commits").asInt();
        List<Commit> database = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] payload = frameAt(file, bytes, offset);
            offset += Frames.HEADER_BYTES + payload.length;
            database.add(CommitJson.read(payload));
        }
        byte[] streams = frameAt(file, bytes, offset);
        offset += Frames.HEADER_BYTES + streams.length;
        if (offset != bytes.length) {
            throw new IllegalStateException("DynamoDB snapshot " + file + " has unexpected bytes after offset " + offset);
        }
        return new Contents(header.get("position").asLong(), database, StreamsSnapshot.fromJson(JSON.readTree(streams)));
    }

    private static byte[] frameAt(Path file, byte[] bytes, int offset) {
        byte[] payload = Frames.read(bytes, offset);
        if (payload == null) {
            throw new IllegalStateException("DynamoDB snapshot " + file + " is damaged at offset " + offset
                    + "; move it away to start from the log alone only if every older log segment is still there");
        }
        return payload;
    }
}
