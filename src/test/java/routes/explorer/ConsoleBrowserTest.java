package routes.explorer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import routes.outbox.CloudEventMapper;
import routes.outbox.OutboxEvent;
import routes.support.ChromiumBrowser;
import routes.support.EmbeddedAwsTest;
import routes.support.FreshStock;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * The saga explorer page in a real browser (headless Chromium) against the whole application: orders
 * placed through the API are found in the list and by search, and their timelines show what happened.
 * Screenshots of every view land in target/console-screenshots/.
 */
@EmbeddedAwsTest
class ConsoleBrowserTest {

    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    static final Duration PATIENCE = Duration.ofSeconds(20);

    static ChromeDriver browser;

    @LocalServerPort int port;
    @Autowired TestRestTemplate http;

    String sku;

    @BeforeAll
    static void openBrowser() throws IOException {
        browser = ChromiumBrowser.start();
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void freshSku() {
        sku = FreshStock.sku(http, "C", 100, "3.00");
    }

    @Test
    void confirmedDeclinedAndFlakyOrdersAreFoundInTheirStatusListsAndBySearch() {
        String confirmed = placeFinal("tok_ok", "CONFIRMED");
        String declined = placeFinal("tok_declined", "CANCELLED");
        String flaky = placeFinal("tok_flaky", "CONFIRMED");

        open("/console/");
        awaitList("PENDING", 1);
        screenshot("list-pending");

        assertThat(findInList("CONFIRMED", confirmed).findElement(By.cssSelector(".status")).getText()).isEqualTo("CONFIRMED");
        assertThat(findInList("CONFIRMED", flaky).getAttribute("data-status")).isEqualTo("CONFIRMED");
        screenshot("list-confirmed");
        WebElement declinedRow = findInList("CANCELLED", declined);
        assertThat(declinedRow.findElement(By.cssSelector(".reason")).getText()).isEqualTo("PAYMENT_DECLINED");
        screenshot("list-cancelled");

        search(confirmed);
        WebElement saga = awaitSaga(confirmed);
        assertThat(saga.getAttribute("data-status")).isEqualTo("CONFIRMED");
        assertThat(saga.getAttribute("data-refreshing")).isEqualTo("false");
        assertThat(names("step")).containsExactly("order-create", "inventory-reserve", "payment-capture", "order-confirm");
        screenshot("timeline-confirmed");

        search(declined);
        saga = awaitSaga(declined);
        assertThat(saga.getAttribute("data-status")).isEqualTo("CANCELLED");
        assertThat(browser.findElement(By.id("saga-reason")).getText()).isEqualTo("PAYMENT_DECLINED");
        assertThat(names("compensation")).contains("inventory-release", "order-cancel");
        assertThat(browser.findElements(By.cssSelector("#timeline li[data-outcome=failed]"))).isNotEmpty();
        screenshot("timeline-declined");

        // A row of the list opens its saga too.
        findInList("CONFIRMED", flaky).findElement(By.cssSelector("a.order-link")).click();
        assertThat(awaitSaga(flaky).getAttribute("data-status")).isEqualTo("CONFIRMED");
    }

    @Test
    void theListPagesForwardAndBackWithTheApisNextToken() {
        // At least two confirmed sagas, so that one a page makes two pages at least.
        placeFinal("tok_ok", "CONFIRMED");
        placeFinal("tok_ok", "CONFIRMED");

        open("/console/#/sagas?status=CONFIRMED&limit=1");
        awaitList("CONFIRMED", 1);
        List<String> pageOne = rowIds();
        assertThat(pageOne).hasSize(1);
        assertThat(browser.findElement(By.id("previous-page")).isEnabled()).isFalse();

        reloadList(() -> browser.findElement(By.id("next-page")).click(), "CONFIRMED", 2);
        List<String> pageTwo = rowIds();
        assertThat(pageTwo).hasSize(1).doesNotContainAnyElementsOf(pageOne);
        assertThat(browser.findElement(By.id("page-number")).getText()).isEqualTo("Page 2");

        reloadList(() -> browser.findElement(By.id("previous-page")).click(), "CONFIRMED", 1);
        assertThat(rowIds()).isEqualTo(pageOne);
        screenshot("list-paged");
    }

    @Test
    void flakyOrdersTimelineShowsItsRetriesWithAttemptNumbersItsStepsEventsAndConsumerOutcomes() {
        String flaky = placeFinal("tok_flaky", "CONFIRMED");
        // The consumers finish after the saga: wait until the API has both consumers' outcome of the last event.
        await().atMost(PATIENCE).until(() -> consumed(timeline(flaky), "order.confirmed").size() == 2);

        open("/console/#/saga/" + flaky);
        awaitSaga(flaky);

        List<WebElement> retries = entries("retry");
        assertThat(retries).extracting(entry -> entry.getAttribute("data-name")).containsOnly("payment-capture");
        assertThat(retries).extracting(entry -> entry.findElement(By.cssSelector(".attempt")).getText())
                .containsExactly("attempt 1", "attempt 2");
        assertThat(names("step")).containsExactly("order-create", "inventory-reserve", "payment-capture", "order-confirm");
        assertThat(names("event-published"))
                .containsExactly("order.created", "inventory.reserved", "payment.captured", "order.confirmed");
        assertThat(entries("event-consumed")).extracting(entry -> entry.getAttribute("data-consumer"))
                .contains("notification", "order-view");
        assertThat(entries("event-consumed")).allSatisfy(entry ->
                assertThat(entry.getAttribute("data-outcome")).isEqualTo("message"));

        // Coloured by outcome: a retry is not drawn like a step that committed.
        String stepColour = marker(entries("step").get(0));
        assertThat(marker(retries.get(0))).isNotEqualTo(stepColour);
        assertThat(marker(entries("event-published").get(0))).isNotEqualTo(stepColour);
        // Times relative to the first entry, the absolute time on hover.
        List<WebElement> offsets = browser.findElements(By.cssSelector("#timeline li .offset"));
        assertThat(offsets.get(0).getText()).isEqualTo("+0 ms");
        assertThat(offsets).allSatisfy(offset -> {
            assertThat(offset.getText()).matches("\\+[0-9.]+ (ms|s|min [0-9]+ s)");
            assertThat(offset.getAttribute("title")).contains(offset.getAttribute("datetime"));
        });
        // Each step links to Hawtio's view of its route.
        assertThat(retries.get(0).findElement(By.cssSelector("a.hawtio-route")).getAttribute("href"))
                .isEqualTo("http://127.0.0.1:" + port + "/actuator/hawtio/jmx/attributes"
                        + "?nid=org.apache.camel-CamelContexts-camel-saga-outbox-routes-payment-capture-folder");
        screenshot("timeline-flaky");
    }

    @Test
    void aRunningSagaRefreshesItselfUntilItEnds() {
        // tok_timeout answers after the saga's timeout (3 s in tests): PENDING for a while, then CANCELLED.
        String slow = place("tok_timeout", null).get("orderId").asText();

        open("/console/#/saga/" + slow);
        WebElement saga = awaitSaga(slow);
        assertThat(saga.getAttribute("data-status")).isEqualTo("PENDING");
        assertThat(saga.getAttribute("data-refreshing")).isEqualTo("true");
        screenshot("timeline-running");

        new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.attributeToBe(saga, "data-status", "CANCELLED"));
        assertThat(saga.getAttribute("data-refreshing")).isEqualTo("false");
        assertThat(browser.findElement(By.id("saga-reason")).getText()).isEqualTo("TIMEOUT");
        assertThat(browser.findElement(By.id("refresh-state")).getText()).contains("Final");
        screenshot("timeline-timed-out");
    }

    @Test
    void anUnknownOrderIdShowsTheApisNotFoundMessage() {
        String unknown = "no-such-order-" + UUID.randomUUID();
        ResponseEntity<JsonNode> api = http.getForEntity("/api/sagas/" + unknown, JsonNode.class);
        assertThat(api.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        open("/console/");
        search(unknown);

        WebElement error = new WebDriverWait(browser, PATIENCE)
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("saga-error")));
        assertThat(error.getText()).contains(api.getBody().get("detail").asText()).contains("404");
        assertThat(browser.findElements(By.cssSelector("#timeline li"))).isEmpty();
        screenshot("search-unknown");
    }

    @Test
    void aDeadLetteredEventOffersTheReplayAndShowsItsAnswer(@Autowired SqsClient sqs, @Autowired CloudEventMapper mapper) {
        String orderId = placeFinal("tok_ok", "CONFIRMED");
        // order-view reads every event of the topic; a type it does not know is dead-lettered at once.
        OutboxEvent unknownType = new OutboxEvent(UUID.randomUUID().toString(), "order.audited", "order", orderId, 99,
                orderId, null, Instant.now(), "{\"orderId\":\"" + orderId + "\"}");
        String queue = sqs.getQueueUrl(b -> b.queueName("order-view")).queueUrl();
        sqs.sendMessage(b -> b.queueUrl(queue).messageBody(mapper.toJson(unknownType)).messageAttributes(Map.of("type",
                MessageAttributeValue.builder().dataType("String").stringValue(unknownType.type()).build())));
        await().atMost(PATIENCE).until(() -> entriesOf(timeline(orderId), "dead-letter").stream()
                .anyMatch(entry -> entry.path("detail").path("consumer").asText().equals("order-view")));

        open("/console/#/saga/" + orderId);
        awaitSaga(orderId);
        WebElement deadLetter = browser.findElement(By.cssSelector("#timeline li[data-kind=dead-letter][data-consumer=order-view]"));
        assertThat(deadLetter.getAttribute("data-outcome")).isEqualTo("failed");
        WebElement replay = deadLetter.findElement(By.cssSelector("button.replay"));
        assertThat(replay.getAttribute("data-event-id")).isEqualTo(unknownType.eventId());
        replay.click();

        WebElement answer = deadLetter.findElement(By.cssSelector(".replay-result"));
        new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.attributeToBe(answer, "data-ok", "true"));
        assertThat(answer.getText())
                .matches("Replayed [1-9][0-9]* message\\(s\\) of event " + unknownType.eventId() + " to order-view's queue");
        screenshot("timeline-dead-letter-replayed");
    }

    // ---- the API -----------------------------------------------------------------------------------------

    JsonNode place(String token, String prefer) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (prefer != null) {
            headers.set("Prefer", prefer);
        }
        String body = "{\"customerId\":\"customer-console\",\"items\":[{\"sku\":\"" + sku + "\",\"quantity\":1}],"
                + "\"paymentToken\":\"" + token + "\"}";
        ResponseEntity<JsonNode> answer = http.postForEntity("/api/orders", new HttpEntity<>(body, headers), JsonNode.class);
        assertThat(answer.getStatusCode().is2xxSuccessful()).as("POST /api/orders: %s", answer.getBody()).isTrue();
        return answer.getBody();
    }

    String placeFinal(String token, String status) {
        JsonNode order = place(token, "wait=10");
        assertThat(order.get("status").asText()).as("%s order", token).isEqualTo(status);
        return order.get("orderId").asText();
    }

    JsonNode timeline(String orderId) {
        return http.getForObject("/api/sagas/" + orderId, JsonNode.class);
    }

    static List<JsonNode> entriesOf(JsonNode saga, String kind) {
        return StreamSupport.stream(saga.path("timeline").spliterator(), false)
                .filter(entry -> entry.path("kind").asText().equals(kind)).toList();
    }

    static List<JsonNode> consumed(JsonNode saga, String eventType) {
        return entriesOf(saga, "event-consumed").stream()
                .filter(entry -> entry.path("name").asText().equals(eventType)).toList();
    }

    // ---- the page ----------------------------------------------------------------------------------------

    void open(String path) {
        browser.get("http://127.0.0.1:" + port + path);
    }

    void search(String orderId) {
        WebElement input = browser.findElement(By.id("search-input"));
        input.clear();
        input.sendKeys(orderId);
        browser.findElement(By.id("search-button")).click();
    }

    WebElement awaitSaga(String orderId) {
        By loaded = By.cssSelector("#saga-detail[data-order-id='" + orderId + "'][data-loaded=true]");
        return new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.visibilityOfElementLocated(loaded));
    }

    void awaitList(String status, int page) {
        By loaded = By.cssSelector("#saga-list[data-state=loaded][data-status=" + status + "][data-page='" + page + "']");
        new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.visibilityOfElementLocated(loaded));
    }

    /** Does what changes the list, then waits until the list has loaded again, showing {@code page} of {@code status}. */
    void reloadList(Runnable action, String status, int page) {
        int before = listLoads();
        action.run();
        new WebDriverWait(browser, PATIENCE).until(driver -> listLoads() > before);
        awaitList(status, page);
    }

    static int listLoads() {
        String loads = browser.findElement(By.id("saga-list")).getAttribute("data-loads");
        return loads == null ? 0 : Integer.parseInt(loads);
    }

    /** The first page of the list of {@code status}, reached the way a user would. */
    void showFirstPage(String status) {
        if (!browser.findElement(By.id("saga-list")).isDisplayed()) {
            WebElement back = browser.findElement(By.id("back-to-list"));
            String shown = browser.findElement(By.id("saga-list")).getAttribute("data-status");
            reloadList(back::click, shown == null ? "PENDING" : shown, 1);
        }
        Select filter = new Select(browser.findElement(By.id("status-filter")));
        if (!filter.getFirstSelectedOption().getAttribute("value").equals(status)) {
            reloadList(() -> filter.selectByValue(status), status, 1);
        }
        WebElement first = browser.findElement(By.id("first-page"));
        if (first.isEnabled()) {
            reloadList(first::click, status, 1);
        }
    }

    /** Shows the list of {@code status} and pages through it until the order's row appears. */
    WebElement findInList(String status, String orderId) {
        showFirstPage(status);
        By row = By.cssSelector("#saga-rows tr[data-order-id='" + orderId + "']");
        for (int page = 1; ; page++) {
            List<WebElement> found = browser.findElements(row);
            if (!found.isEmpty()) {
                return found.get(0);
            }
            WebElement next = browser.findElement(By.id("next-page"));
            assertThat(next.isEnabled()).as("%s is on no page of the %s list", orderId, status).isTrue();
            reloadList(next::click, status, page + 1);
        }
    }

    static List<String> rowIds() {
        return browser.findElements(By.cssSelector("#saga-rows tr")).stream()
                .map(row -> row.getAttribute("data-order-id")).toList();
    }

    static List<WebElement> entries(String kind) {
        return browser.findElements(By.cssSelector("#timeline li[data-kind='" + kind + "']"));
    }

    static List<String> names(String kind) {
        return entries(kind).stream().map(entry -> entry.getAttribute("data-name")).toList();
    }

    static String marker(WebElement entry) {
        return entry.findElement(By.cssSelector(".marker")).getCssValue("background-color");
    }

    static void screenshot(String name) {
        try {
            Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("Could not save the screenshot " + name, e);
        }
    }
}
