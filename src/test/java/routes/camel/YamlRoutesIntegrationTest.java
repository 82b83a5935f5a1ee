package routes.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.apache.camel.Route;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import org.apache.camel.CamelContext;
import org.apache.camel.test.spring.junit5.DisableJmx;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import routes.support.EmbeddedAwsTest;
import routes.support.FreshStock;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * YAML routes beyond the built-in ones, in one context: the worked example of the README
 * (docs/examples/routes/fraud-tap.camel.yaml) loaded from {@code app.routes.dir}, its consumer declared in
 * configuration only; and live reload, with a copy of the notification route in a watched directory
 * standing for src/main/resources/routes under {@code mvn spring-boot:run}.
 */
@EmbeddedAwsTest
// JMX on, as the application has it (tests switch it off): Hawtio reads the routes through Jolokia.
@DisableJmx(false)
// Closed after the class: its MBeans would share the JVM's MBean server with the other JMX-enabled contexts.
@DirtiesContext
class YamlRoutesIntegrationTest {

    static final Path NOTIFICATION_ROUTE = Path.of("src/main/resources/routes/notification-send.camel.yaml");
    static final Path WATCHED = temporaryDirectory();
    static final Path EDITED_ROUTE = WATCHED.resolve(NOTIFICATION_ROUTE.getFileName());

    @DynamicPropertySource
    static void yamlRoutes(DynamicPropertyRegistry properties) {
        properties.add("app.routes.dir", () -> "docs/examples/routes");
        properties.add("app.routes.consumers.fraud-tap.event-types", () -> "order.cancelled");
        properties.add("app.routes.reload-dir", WATCHED::toString);
        properties.add("spring.jmx.enabled", () -> "true");
    }

    static Path temporaryDirectory() {
        try {
            Path watched = Files.createTempDirectory("watched-routes");
            Files.copy(NOTIFICATION_ROUTE, watched.resolve(NOTIFICATION_ROUTE.getFileName()));
            return watched;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Autowired CamelContext camel;
    @Autowired SqsClient sqs;
    @Autowired DynamoDbClient dynamoDb;
    @Autowired TestRestTemplate http;
    final ObjectMapper json = new ObjectMapper();

    @Test
    void theFraudTapCopiesTheCancelledEventOfADeclinedOrderToTheFraudTeamsQueue() {
        String sku = FreshStock.sku(http, "fraud", 5, "3.00");
        String orderId = place(sku, "tok_declined");

        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() -> assertThat(received("fraud-review"))
                .anySatisfy(event -> {
                    assertThat(event.get("type").asText()).isEqualTo("order.cancelled");
                    assertThat(event.get("data").get("orderId").asText()).isEqualTo(orderId);
                    assertThat(event.get("data").get("reason").asText()).isEqualTo("PAYMENT_DECLINED");
                }));
        assertThat(camel.getRoute("fraud-tap").getConfigurationId()).isEqualTo("sqs-consumer");
    }

    @Test
    void theFraudTapHasItsOwnQueueAndDeadLetterQueue() {
        assertThat(sqs.getQueueUrl(b -> b.queueName("fraud-tap")).queueUrl()).isNotBlank();
        assertThat(sqs.getQueueUrl(b -> b.queueName("fraud-tap-dlq")).queueUrl()).isNotBlank();
        assertThat(http.getForObject("/api/dlq/fraud-tap", JsonNode.class)).isNotNull();
    }

    @Test
    void anEditedNoticeTextIsLiveWithoutARestartAndTheRouteKeepsItsIdInboxAndDeadLetterQueue() throws IOException {
        Route before = camel.getRoute("notification-send");
        String edited = Files.readString(NOTIFICATION_ROUTE)
                .replace("'Your order {orderId} is confirmed. Total: {total}.'", "'Good news: {orderId} is on its way ({total}).'");
        assertThat(edited).contains("Good news");

        save(edited);

        await().atMost(Duration.ofSeconds(20)).until(() -> camel.getRoute("notification-send") != null
                && camel.getRoute("notification-send") != before
                && camel.getRouteController().getRouteStatus("notification-send").isStarted());
        Route after = camel.getRoute("notification-send");
        assertThat(after.getRouteId()).isEqualTo("notification-send");
        assertThat(after.getConfigurationId()).isEqualTo("sqs-consumer");
        String orderId = place(FreshStock.sku(http, "reload", 5, "2.50"), "tok_ok");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(noticeText(orderId, "confirmation"))
                .isEqualTo("Good news: " + orderId + " is on its way (2.5)."));
        assertThat(http.getForObject("/api/dlq/notification", JsonNode.class)).isNotNull();
    }

    @Test
    void aBrokenEditIsReportedWithItsFileAndTheRunningRouteStays() throws IOException {
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(logged);
        Route before = camel.getRoute("notification-send");
        try {
            save(Files.readString(NOTIFICATION_ROUTE).replace("routeId: notification-send", "routeId: [notification-send"));

            await().atMost(Duration.ofSeconds(20)).until(() -> logged.list.stream()
                    .anyMatch(line -> line.getLevel() == Level.ERROR
                            && line.getFormattedMessage().contains(EDITED_ROUTE.toString())
                            && line.getFormattedMessage().contains("line 8")));
        } finally {
            root.detachAppender(logged);
        }
        assertThat(camel.getRoute("notification-send")).isSameAs(before);
        assertThat(camel.getRouteController().getRouteStatus("notification-send").isStarted()).isTrue();
        String orderId = place(FreshStock.sku(http, "broken", 5, "2.50"), "tok_ok");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(noticeText(orderId, "confirmation"))
                .contains(orderId));
    }

    @Test
    void yamlRoutesAreDumpedAsYamlThroughJolokiaAsHawtiosJmxTabCallsIt() throws IOException {
        List<String> example = Files.readAllLines(Path.of("docs/examples/routes/fraud-tap.camel.yaml"));
        // Camel places a route at its input's uri line.
        int fromLine = example.indexOf("      uri: direct:fraud-tap-forward") + 1;
        JsonNode forward = jolokia("exec", "fraud-tap-forward", "operation", "dumpRouteAsYaml()");
        JsonNode location = jolokia("read", "fraud-tap-forward", "attribute", "SourceLocation");

        assertThat(forward.get("status").asInt()).as(forward.toString()).isEqualTo(200);
        assertThat(forward.get("value").asText()).startsWith("- route:").contains("id: fraud-tap-forward")
                .contains("uri: direct:fraud-tap-forward").contains("id: fraud-tap-to-review-queue");
        assertThat(location.get("value").asText()).isEqualTo("file:" + Path.of("docs/examples/routes/fraud-tap.camel.yaml").toAbsolutePath() + ":" + fromLine);
    }

    @Test
    void aConsumerRouteBuiltFromTheTemplateIsDumpedAsYamlToo() {
        JsonNode notification = jolokia("exec", "notification-send", "operation", "dumpRouteAsYaml()");

        assertThat(notification.get("status").asInt()).as(notification.toString()).isEqualTo(200);
        assertThat(notification.get("value").asText()).startsWith("- route:").contains("id: notification-send")
                .contains("${bean:deferrals?method=withinBudget}").contains("id: inbox");
    }

    /** A call of Hawtio's JMX tab on a route's MBean: an operation to run or an attribute to read. */
    JsonNode jolokia(String type, String routeId, String what, String name) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ObjectNode call = json.createObjectNode().put("type", type)
                .put("mbean", "org.apache.camel:context=camel-saga-outbox,type=routes,name=\"" + routeId + "\"")
                .put(what, name);
        return http.postForObject("/actuator/jolokia", new HttpEntity<>(call.toString(), headers), JsonNode.class);
    }

    /** As an editor saves: the whole new content at once. */
    void save(String content) throws IOException {
        Path draft = Files.writeString(WATCHED.resolve("draft.tmp"), content);
        Files.move(draft, EDITED_ROUTE, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    String noticeText(String orderId, String kind) {
        Map<String, AttributeValue> notice = dynamoDb.getItem(b -> b.tableName("notifications").consistentRead(true)
                .key(Map.of("orderId", AttributeValue.fromS(orderId), "kind", AttributeValue.fromS(kind)))).item();
        return notice.containsKey("text") ? notice.get("text").s() : null;
    }

    String place(String sku, String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("Prefer", "wait=10");
        String body = "{\"customerId\":\"fraud-1\",\"items\":[{\"sku\":\"" + sku + "\",\"quantity\":1}],"
                + "\"paymentToken\":\"" + token + "\"}";
        return http.postForEntity("/api/orders", new HttpEntity<>(body, headers), JsonNode.class).getBody()
                .get("orderId").asText();
    }

    List<JsonNode> received(String queue) {
        String url = sqs.getQueueUrl(b -> b.queueName(queue)).queueUrl();
        return sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).visibilityTimeout(0)).messages().stream()
                .map(Message::body).map(this::parse).toList();
    }

    JsonNode parse(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
