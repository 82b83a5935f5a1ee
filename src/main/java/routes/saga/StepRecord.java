package routes.saga;

import java.time.Instant;

/** One entry of a saga's step history: the step, what happened to it, and when. */
public record StepRecord(String step, String status, Instant at) {}
