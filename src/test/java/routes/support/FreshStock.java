package routes.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A SKU no other test touches, stocked through the API: tests sharing one context never see each other's stock. */
public final class FreshStock {

    private FreshStock() {}

    /** A new SKU named {@code <prefix>-<random>} with this many units at this price. */
    public static String sku(TestRestTemplate http, String prefix, int available, String price) {
        String sku = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> stocked = http.exchange("/api/inventory/" + sku, HttpMethod.PUT,
                new HttpEntity<>("{\"available\":" + available + ",\"price\":" + price + "}", headers), JsonNode.class);
        assertThat(stocked.getStatusCode()).isEqualTo(HttpStatus.OK);
        return sku;
    }
}
