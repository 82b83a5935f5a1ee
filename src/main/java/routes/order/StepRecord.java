package routes.order;

import java.time.Instant;

/** One entry of an order's step history, as {@code GET /api/orders/{id}} shows it. */
public record StepRecord(String step, String status, Instant at) {}
