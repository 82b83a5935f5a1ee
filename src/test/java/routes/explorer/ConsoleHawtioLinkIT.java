package routes.explorer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import routes.support.ApplicationProcess;
import routes.support.ChromiumBrowser;

/**
 * The console's link to a route opens that route in Hawtio. In a JVM of its own, as a user runs the
 * application: the shared test context has no Camel MBeans (Camel's test support turns JMX off), so Hawtio
 * would have no route to show there.
 */
class ConsoleHawtioLinkIT {

    static final Path WORK = Path.of("target", "console-hawtio-it");
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aStepsLinkOpensItsRouteInHawtioAndTheCamelTabShowsItsDiagram() throws Exception {
        Files.createDirectories(WORK);
        ApplicationProcess.Ports ports = ApplicationProcess.Ports.free();
        try (ApplicationProcess app = ApplicationProcess.start(ports, WORK.resolve("app.log"))) {
            String orderId = JSON.readTree(app.send("POST", "/api/orders", "{\"customerId\":\"customer-hawtio\","
                    + "\"items\":[{\"sku\":\"SKU-1\",\"quantity\":1}],\"paymentToken\":\"tok_ok\"}").body())
                    .get("orderId").asText();
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    JSON.readTree(app.get("/api/sagas/" + orderId).body()).path("status").asText().equals("CONFIRMED"));

            ChromeDriver browser = ChromiumBrowser.start();
            try {
                browser.get("http://127.0.0.1:" + ports.http() + "/console/#/saga/" + orderId);
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
                String link = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                        "#timeline li[data-kind=step][data-name=payment-capture] a.hawtio-route"))).getAttribute("href");

                browser.get(link);
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//h1[normalize-space()='payment-capture']")));
                screenshot(browser, "hawtio-route-mbean");
                browser.findElement(By.linkText("Camel")).click();
                wait.until(ExpectedConditions.urlContains("/actuator/hawtio/camel/"));
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//h1[normalize-space()='payment-capture']")));
                assertThat(browser.findElement(By.xpath("//*[normalize-space()='Route Diagram']")).isDisplayed()).isTrue();
                screenshot(browser, "hawtio-route-diagram");
            } finally {
                browser.quit();
            }
        }
    }

    static void screenshot(ChromeDriver browser, String name) throws IOException {
        Path folder = Files.createDirectories(Path.of("target", "console-screenshots"));
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), folder.resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
