package routes.aws.resources;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code app.resources.*}: the names of the tables, topic and queues, the redrive budget and the
 * consumer queues' visibility timeout. Names are configuration so that several stacks can share an account.
 *
 * @param queues            each consumer's queue by consumer name; a consumer not listed reads the queue of its own name
 * @param visibilityTimeout how long a received message stays hidden; longer than {@code app.inbox.lease},
 *                          so a crashed consumer's message comes back to an expired claim and is taken over
 */
@Validated
@ConfigurationProperties("app.resources")
public record ResourceNames(
        @NotBlank @DefaultValue("orders") String ordersTable,
        @NotBlank @DefaultValue("inventory") String inventoryTable,
        @NotBlank @DefaultValue("payments") String paymentsTable,
        @NotBlank @DefaultValue("outbox") String outboxTable,
        @NotBlank @DefaultValue("inbox") String inboxTable,
        @NotBlank @DefaultValue("order_view") String orderViewTable,
        @NotBlank @DefaultValue("notifications") String notificationsTable,
        @NotBlank @DefaultValue("saga_timeline") String timelineTable,
        @NotBlank @DefaultValue("order-events") String topic,
        @DefaultValue Map<String, String> queues,
        @NotBlank @DefaultValue("-dlq") String deadLetterSuffix,
        @Min(1) @DefaultValue("5") int maxReceiveCount,
        @NotNull @DefaultValue("30s") Duration visibilityTimeout) {

    public ResourceNames {
        queues = queues == null ? Map.of() : Map.copyOf(queues);
    }

    /** The queue the consumer of this name reads. */
    public String queueOf(String consumer) {
        return queues.getOrDefault(consumer, consumer);
    }

    public String deadLetterQueue(String queue) {
        return queue + deadLetterSuffix;
    }
}
