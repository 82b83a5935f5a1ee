package routes.inbox;

import java.util.function.Supplier;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import routes.api.InvalidFieldException;
import routes.api.NotFoundException;

/**
 * {@code GET /api/dlq/{consumer}}: depth and a sample with failure reasons;
 * {@code POST /api/dlq/{consumer}/replay?max=N}: moves up to N messages back to the consumer's queue.
 * A consumer no declaration names is a 404.
 */
@RestController
@RequestMapping("/api/dlq")
class DeadLetterController {

    record Replayed(String consumer, int replayed) {}

    private final DeadLetterQueues deadLetters;

    DeadLetterController(DeadLetterQueues deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping("/{consumer}")
    DeadLetterQueues.Status status(@PathVariable String consumer) {
        return known(() -> deadLetters.status(consumer));
    }

    @PostMapping("/{consumer}/replay")
    Replayed replay(@PathVariable String consumer, @RequestParam(defaultValue = "10") String max) {
        int count;
        try {
            count = Integer.parseInt(max);
        } catch (NumberFormatException e) {
            throw new InvalidFieldException("max", "must be an integer from 1 to 1000");
        }
        if (count < 1 || count > 1000) {
            throw new InvalidFieldException("max", "must be an integer from 1 to 1000");
        }
        return new Replayed(consumer, known(() -> deadLetters.replay(consumer, count)));
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
