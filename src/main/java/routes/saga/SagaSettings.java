package routes.saga;

import java.time.Duration;

/**
 * How the in-process saga service runs.
 *
 * @param maxRunning         sagas admitted at once; a new one waits for a free place (back-pressure)
 * @param admissionWait      how long a new saga waits for a place before {@link SagaBusyException}
 * @param finalizerThreads   threads that run compensations and completions
 * @param compensationAttempts attempts of one compensation before the saga is left to recovery
 * @param compensationRetryDelay pause between two attempts of a compensation
 */
public record SagaSettings(
        int maxRunning,
        Duration admissionWait,
        int finalizerThreads,
        int compensationAttempts,
        Duration compensationRetryDelay) {}
