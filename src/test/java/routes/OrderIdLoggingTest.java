package routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import routes.logging.LogContext;
import routes.notification.NoticeSender;
import routes.ordersaga.SagaRouteConfigurations;
import routes.orderview.OrderViewProjection;
import routes.outbox.OutboxPublisher;
import routes.saga.SagaLog;
import routes.support.EmbeddedAwsTest;

/**
 * One grep follows an order: every log line of its saga (steps, a retry), of the relay publishing
 * its events and of both consumers handling them carries its id in the MDC, on whichever thread
 * logged it, while another order runs alongside; no line of one order carries the other's id.
 */
@EmbeddedAwsTest
class OrderIdLoggingTest {

    private static final Pattern ORDER_IN_MESSAGE = Pattern.compile("Order ([0-9a-f]{8}-[0-9a-f-]{27})");

    @Autowired TestRestTemplate http;

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Logger projection = (Logger) LoggerFactory.getLogger(OrderViewProjection.class);
    private Level projectionLevel;
    private String sku;

    @BeforeEach
    void captureTheLog() {
        captured.start();
        root.addAppender(captured);
        // The order-view consumer says what it did at DEBUG only.
        projectionLevel = projection.getLevel();
        projection.setLevel(Level.DEBUG);
        sku = "L-" + UUID.randomUUID().toString().substring(0, 8);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        assertThat(http.exchange("/api/inventory/" + sku, HttpMethod.PUT,
                new HttpEntity<>("{\"available\":10,\"price\":1.00}", headers), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @AfterEach
    void stopCapturing() {
        root.detachAppender(captured);
        captured.stop();
        projection.setLevel(projectionLevel);
    }

    @Test
    void everyLineOfAFlakyOrdersSagaRelayAndConsumersCarriesItsOrderIdAndNoOtherOrders() {
        String flaky = place("tok_flaky");
        String other = place("tok_ok");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<ILoggingEvent> lines = linesOf(flaky);
            assertThat(lines).as("saga steps").anySatisfy(line -> {
                assertThat(line.getLoggerName()).isEqualTo(SagaLog.class.getName());
                assertThat(line.getFormattedMessage()).contains("order-confirm");
            });
            assertThat(lines).as("retry").anySatisfy(line -> {
                assertThat(line.getLoggerName()).isEqualTo(SagaRouteConfigurations.class.getName());
                assertThat(line.getFormattedMessage()).contains("retrying", "attempt");
            });
            assertThat(lines).as("relay").anySatisfy(line -> {
                assertThat(line.getLoggerName()).isEqualTo(OutboxPublisher.class.getName());
                assertThat(line.getFormattedMessage()).contains("published event order.confirmed");
            });
            assertThat(lines).as("notification consumer").anySatisfy(line -> {
                assertThat(line.getLoggerName()).isEqualTo(NoticeSender.class.getName());
                assertThat(line.getFormattedMessage()).contains("notice sent");
            });
            assertThat(lines).as("order-view consumer").anySatisfy(line -> {
                assertThat(line.getLoggerName()).isEqualTo(OrderViewProjection.class.getName());
                assertThat(line.getFormattedMessage()).contains("CONFIRMED");
            });
            assertThat(linesOf(other)).as("the other order's lines").isNotEmpty();
        });

        // A line that names an order carries that order's id, and only that one.
        for (ILoggingEvent line : all()) {
            Matcher named = ORDER_IN_MESSAGE.matcher(line.getFormattedMessage());
            String carried = line.getMDCPropertyMap().get(LogContext.ORDER_ID);
            if (named.find() && (named.group(1).equals(flaky) || named.group(1).equals(other))) {
                assertThat(carried).as("MDC of [%s] %s: %s", line.getThreadName(), line.getLoggerName(),
                        line.getFormattedMessage()).isEqualTo(named.group(1));
            }
        }
    }

    private List<ILoggingEvent> linesOf(String orderId) {
        return all().stream().filter(line -> orderId.equals(line.getMDCPropertyMap().get(LogContext.ORDER_ID))).toList();
    }

    private List<ILoggingEvent> all() {
        synchronized (captured) {
            return new ArrayList<>(captured.list);
        }
    }

    private String place(String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String body = "{\"customerId\":\"customer-1\",\"items\":[{\"sku\":\"" + sku + "\",\"quantity\":1}],\"paymentToken\":\""
                + token + "\"}";
        ResponseEntity<JsonNode> placed = http.postForEntity("/api/orders", new HttpEntity<>(body, headers), JsonNode.class);
        assertThat(placed.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        return placed.getBody().get("orderId").asText();
    }
}
