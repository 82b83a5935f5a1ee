package routes.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import routes.support.ChromiumBrowser;
import routes.support.EmbeddedAwsTest;

/**
 * A new user's first order, placed from Swagger UI as it comes: open {@code /swagger-ui.html}, open "Place an
 * order", keep the first example (tok_ok), Execute. Everything the page loads comes from the application.
 */
@EmbeddedAwsTest
class SwaggerUiBrowserTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    static ChromeDriver browser;

    @LocalServerPort int port;
    @Autowired TestRestTemplate http;

    @BeforeAll
    static void openBrowser() {
        browser = ChromiumBrowser.start();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anOrderPlacedWithTheFirstExampleFromSwaggerUiIsConfirmed() {
        String base = "http://127.0.0.1:" + port;
        browser.get(base + "/swagger-ui.html");
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);

        WebElement operation = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#operations-Orders-place .opblock-summary")));
        operation.click();
        WebElement prefer = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#operations-Orders-place tr[data-param-name='Prefer'] input")));
        prefer.clear();
        prefer.sendKeys("wait=10");
        browser.findElement(By.cssSelector("#operations-Orders-place button.execute")).click();
        WebElement status = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#operations-Orders-place .live-responses-table .response .response-col_status")));

        assertThat(status.getText().trim()).startsWith("200");
        String answer = browser.findElement(By.cssSelector("#operations-Orders-place .live-responses-table "
                + ".response-col_description pre")).getText();
        JsonNode order = OpenApiContract.read(answer);
        assertThat(order.path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(order.path("items").get(0).path("sku").asText()).isEqualTo("SKU-1");
        assertThat(http.getForObject("/api/orders/" + order.path("orderId").asText(), JsonNode.class)
                .path("status").asText()).isEqualTo("CONFIRMED");
        @SuppressWarnings("unchecked")
        List<String> loaded = (List<String>) browser.executeScript(
                "return performance.getEntriesByType('resource').map(entry => entry.name)");
        assertThat(loaded).isNotEmpty().allMatch(url -> url.startsWith(base), "loaded from the application");
    }
}
