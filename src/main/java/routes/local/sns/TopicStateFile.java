package routes.local.sns;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * Keeps the stand-in's topics and subscriptions in a JSON file so a restarted application finds the
 * topology it set up. Written to a temporary file and moved into place, so a crash mid-write leaves the
 * previous state readable.
 */
final class TopicStateFile {

    /** What the file holds. */
    record State(List<Topic> topics, List<Subscription> subscriptions) {
        State {
            topics = List.copyOf(topics == null ? List.of() : topics);
            subscriptions = List.copyOf(subscriptions == null ? List.of() : subscriptions);
        }
    }

    // Only the record components are state: helper methods such as Topic.isFifo() must not become fields.
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private final Path file;

    TopicStateFile(Path file) {
        this.file = file.toAbsolutePath();
    }

    Optional<State> load() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), State.class));
        } catch (IOException e) {
            throw new IllegalStateException("SNS stand-in cannot read its state file " + file
                    + " (delete it to start empty): " + e.getMessage(), e);
        }
    }

    void save(State state) {
        try {
            Path directory = file.getParent();
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, file.getFileName().toString(), ".tmp");
            JSON.writeValue(temporary.toFile(), state);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("SNS stand-in cannot write its state file " + file, e);
        }
    }

    Path path() {
        return file;
    }
}
