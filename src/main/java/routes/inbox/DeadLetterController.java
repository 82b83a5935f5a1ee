package routes.inbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Dead letters", description = "A consumer's dead-letter queue, and its replay after a fix (operator)")
class DeadLetterController {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(requiredProperties = {"consumer", "replayed"}, additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    record Replayed(String consumer, int replayed, String eventId) {}

    private final DeadLetterQueues deadLetters;

    DeadLetterController(DeadLetterQueues deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping("/{consumer}")
    @Operation(summary = "A consumer's dead-letter queue: depth and a sample with the failure reasons")
    @ApiResponse(responseCode = "200", description = "The queue's depth and up to 10 of its messages")
    @ApiResponse(responseCode = "401", description = "No or wrong operator login, where one is required (aws mode, "
            + "app.console.authentication=required)")
    @ApiResponse(responseCode = "404", description = "No consumer of this name")
    DeadLetterQueues.Status status(@Parameter(description = "The consumer's name", example = "notification")
            @PathVariable String consumer) {
        return known(() -> deadLetters.status(consumer));
    }

    @PostMapping("/{consumer}/replay")
    @Operation(summary = "Move dead letters back to the consumer's queue", description = "Up to max messages, or "
            + "with eventId only that event's. The consumer's inbox absorbs a message replayed twice")
    @ApiResponse(responseCode = "200", description = "How many messages moved (0 when the queue was empty)")
    @ApiResponse(responseCode = "400", description = "max out of range, or an eventId of another shape")
    @ApiResponse(responseCode = "401", description = "No or wrong operator login, where one is required (aws mode, "
            + "app.console.authentication=required)")
    @ApiResponse(responseCode = "404", description = "No consumer of this name, or no dead letter of this event")
    Replayed replay(@Parameter(description = "The consumer's name", example = "notification")
            @PathVariable String consumer,
            @Parameter(description = "At most this many messages",
                    schema = @Schema(type = "integer", minimum = "1", maximum = "1000", defaultValue = "10"))
            @RequestParam(defaultValue = "10") String max,
            @Parameter(description = "Only this event's messages (max is then ignored)",
                    schema = @Schema(type = "string", pattern = Identifiers.PATTERN))
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
