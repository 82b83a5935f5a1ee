package routes.inbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;
import routes.aws.resources.ResourceNames;

/**
 * Refuses to start with an inbox lease that does not fit the consumers' queues. A crashed consumer's
 * message comes back after the queue's visibility timeout: its claim must have expired by then, or
 * the message meets a live claim, is deferred and dead-lettered instead of taken over. And a live
 * delivery must not lose its claim while it only waits between its own in-place retries.
 */
@Component
public class ConsumerTimings implements InitializingBean {

    // Camel's collision avoidance stretches a redelivery delay by up to 15%.
    private static final double COLLISION_AVOIDANCE = 1.15;

    private final InboxProperties inbox;
    private final ResourceNames resources;

    public ConsumerTimings(InboxProperties inbox, ResourceNames resources) {
        this.inbox = inbox;
        this.resources = resources;
    }

    @Override
    public void afterPropertiesSet() {
        List<String> problems = problems(inbox, resources);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("SQS consumer timings do not fit: " + String.join("; ", problems));
        }
    }

    static List<String> problems(InboxProperties inbox, ResourceNames resources) {
        List<String> problems = new ArrayList<>();
        if (inbox.lease().compareTo(resources.visibilityTimeout()) >= 0) {
            problems.add("app.inbox.lease (" + inbox.lease().toSeconds() + " s) must be shorter than "
                    + "app.resources.visibility-timeout (" + resources.visibilityTimeout().toSeconds() + " s), or a crashed "
                    + "consumer's message comes back while its claim still holds and is dead-lettered instead of taken over");
        }
        Duration retries = inPlaceRetries(inbox);
        if (inbox.lease().compareTo(retries) <= 0) {
            problems.add("app.inbox.lease (" + inbox.lease().toMillis() + " ms) must be longer than one delivery's in-place "
                    + "retries (" + retries.toMillis() + " ms from app.inbox.transient-retries, transient-retry-delay, "
                    + "transient-retry-max-delay, wait-retries and wait-delay), "
                    + "or a live delivery loses its claim while it retries");
        }
        return problems;
    }

    /** The longest a delivery waits between its own attempts: transient redeliveries, then waits in place. */
    static Duration inPlaceRetries(InboxProperties inbox) {
        double transientDelays = 0;
        for (int attempt = 0; attempt < inbox.transientRetries(); attempt++) {
            long delay = inbox.transientRetryDelay().toMillis() << Math.min(attempt, 20);
            transientDelays += Math.min(delay, inbox.transientRetryMaxDelay().toMillis()) * COLLISION_AVOIDANCE;
        }
        return Duration.ofMillis((long) Math.ceil(transientDelays)).plus(inbox.waitDelay().multipliedBy(inbox.waitRetries()));
    }
}
