package routes.inbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.function.Supplier;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import routes.api.Identifiers;
import routes.api.InvalidFieldException;
import routes.api.NotFoundException;

/**
 * {@code GET /api/dlq/{consumer}}: depth and a sample with failure reasons;
 * {@code POST /api/dlq/{consumer}/replay?max=N}: moves up to N messages back to the consumer's queue;
 * {@code ...replay?eventId=E}: only that event's messages (404 when none is there).
 * A consumer no declaration names is a 404.
 */
@RestController
@RequestMapping("/api/dlq")
class DeadLetterController {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Replayed(String consumer, int replayed, String eventId) {}

    private final DeadLetterQueues deadLetters;

    DeadLetterController(DeadLetterQueues deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping("/{consumer}")
    DeadLetterQueues.Status status(@PathVariable String consumer) {
        return known(() -> deadLetters.status(consumer));
    }

    @PostMapping("/{consumer}/replay")
    Replayed replay(@PathVariable String consumer, @RequestParam(defaultValue = "10") String max,
            @RequestParam(required = false) String eventId) {
        if (eventId != null) {
            return replayEvent(consumer, eventId);
        }
        int count;
        try {
            count = Integer.parseInt(max);
        } catch (NumberFormatException e) {
            throw new InvalidFieldException("max", "must be an integer from 1 to 1000");
        }
        if (count < 1 || count > 1000) {
            throw new InvalidFieldException("max", "must be an integer from 1 to 1000");
        }
        return new Replayed(consumer, known(() -> deadLetters.replay(consumer, count)), null);
    }

    private Replayed replayEvent(String consumer, String eventId) {
        if (!Identifiers.wellFormed(eventId)) {
            throw new InvalidFieldException("eventId", Identifiers.RULE);
        }
        int replayed = known(() -> deadLetters.replayEvent(consumer, eventId));
        if (replayed == 0) {
            throw new NotFoundException("No dead letter of event " + eventId + " for consumer " + consumer);
        }
        return new Replayed(consumer, replayed, eventId);
    }

    // The inbox does not know HTTP: its unknown consumer becomes the API's 404 here.
    private static <T> T known(Supplier<T> call) {
        try {
            return call.get();
        } catch (UnknownConsumerException unknown) {
            throw new NotFoundException(unknown.getMessage());
        }
    }
}
