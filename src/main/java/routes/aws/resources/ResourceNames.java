package routes.aws.resources;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code app.resources.*}: the names of the tables, topic and queues, the redrive budget and the
 * consumer queues' visibility timeout. Names are configuration so that several stacks can share an account.
 *
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
        @NotBlank @DefaultValue("order-events") String topic,
        @NotBlank @DefaultValue("notification") String notificationQueue,
        @NotBlank @DefaultValue("order-view") String orderViewQueue,
        @NotBlank @DefaultValue("-dlq") String deadLetterSuffix,
        @Min(1) @DefaultValue("5") int maxReceiveCount,
        @NotNull @DefaultValue("30s") Duration visibilityTimeout,
        @NotEmpty @DefaultValue({"order.confirmed", "order.cancelled"}) List<String> notificationEventTypes) {

    public static ResourceNames defaults() {
        return new ResourceNames("orders", "inventory", "payments", "outbox", "inbox", "order_view",
                "notifications", "order-events", "notification", "order-view", "-dlq", 5,
                Duration.ofSeconds(30), List.of("order.confirmed", "order.cancelled"));
    }

    public String deadLetterQueue(String queue) {
        return queue + deadLetterSuffix;
    }
}
