package routes.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import routes.support.EmbeddedAwsTest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@code GET /api/sagas}: the sagas of a status in pages, PENDING oldest first, and its bad input. */
@EmbeddedAwsTest
class SagaListIntegrationTest {

    @Autowired TestRestTemplate http;
    @Autowired DynamoDbClient dynamoDb;

    final List<String> written = new ArrayList<>();

    @AfterEach
    void removeWrittenRows() {
        written.forEach(orderId -> dynamoDb.deleteItem(b -> b.tableName("orders")
                .key(Map.of("orderId", AttributeValue.fromS(orderId)))));
    }

    @Test
    void pendingSagasComeOldestFirstAcrossPagesWithoutLossOrRepeat() {
        // Stuck sagas written as the step engine leaves them, created in an order their ids do not tell;
        // dated ahead, so that the recovery route leaves them alone.
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> oldestFirst = new ArrayList<>();
        for (int second : new int[] {3, 1, 5, 2, 4}) {
            String orderId = "stuck-" + second + "-" + run;
            stuckPending(orderId, Instant.parse("2099-01-01T00:00:0" + second + "Z"));
        }
        for (int second = 1; second <= 5; second++) {
            oldestFirst.add("stuck-" + second + "-" + run);
        }

        List<JsonNode> sagas = allPages("PENDING", 2);

        assertThat(sagas).allSatisfy(saga -> assertThat(saga.get("status").asText()).isEqualTo("PENDING"));
        assertThat(sagas).extracting(saga -> saga.get("orderId").asText()).doesNotHaveDuplicates()
                .containsSubsequence(oldestFirst);
        assertThat(sagas).extracting(saga -> Instant.parse(saga.get("startedAt").asText())).isSorted();
        JsonNode stuck = sagas.stream().filter(saga -> saga.get("orderId").asText().equals(oldestFirst.get(0)))
                .findFirst().orElseThrow();
        assertThat(stuck.get("currentStep").asText()).isEqualTo("inventory-reserve");
        assertThat(stuck.get("updatedAt").asText()).isEqualTo("2099-01-01T00:00:01Z");
        assertThat(stuck.has("reason")).isFalse();
        assertThat(stuck.get("ageSeconds").asLong()).isZero();
    }

    @Test
    void theStatusFilterListsConfirmedAndCancelledSagasWithTheirLastStep() {
        String sku = "L-" + UUID.randomUUID().toString().substring(0, 8);
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        http.exchange("/api/inventory/" + sku, HttpMethod.PUT, new HttpEntity<>("{\"available\":10,\"price\":1.00}", json),
                JsonNode.class);
        String confirmed = place(sku, "tok_ok");
        String declined = place(sku, "tok_declined");

        List<JsonNode> confirmedSagas = allPages("CONFIRMED", 50);
        List<JsonNode> cancelledSagas = allPages("CANCELLED", 50);

        assertThat(confirmedSagas).allSatisfy(saga -> assertThat(saga.get("status").asText()).isEqualTo("CONFIRMED"))
                .extracting(saga -> saga.get("orderId").asText()).doesNotHaveDuplicates().contains(confirmed)
                .doesNotContain(declined);
        assertThat(cancelledSagas).allSatisfy(saga -> assertThat(saga.get("status").asText()).isEqualTo("CANCELLED"))
                .extracting(saga -> saga.get("orderId").asText()).doesNotHaveDuplicates().contains(declined)
                .doesNotContain(confirmed);
        JsonNode confirmedSaga = find(confirmedSagas, confirmed);
        assertThat(confirmedSaga.get("currentStep").asText()).isEqualTo("order-confirm");
        assertThat(Instant.parse(confirmedSaga.get("updatedAt").asText()))
                .isAfterOrEqualTo(Instant.parse(confirmedSaga.get("startedAt").asText()));
        assertThat(confirmedSaga.get("ageSeconds").asLong()).isBetween(0L, 60L);
        JsonNode declinedSaga = find(cancelledSagas, declined);
        assertThat(declinedSaga.get("reason").asText()).isEqualTo("PAYMENT_DECLINED");
        assertThat(declinedSaga.get("currentStep").asText()).isEqualTo("order-cancel");
    }

    @Test
    void scannedStatusesPageWithoutLossOrRepeat() {
        List<JsonNode> whole = allPages("CONFIRMED", 200);
        List<JsonNode> paged = allPages("CONFIRMED", 3);

        // A saga confirmed meanwhile may join the second listing; none may be missing or repeated.
        assertThat(paged).extracting(saga -> saga.get("orderId").asText()).doesNotHaveDuplicates()
                .containsAll(whole.stream().map(saga -> saga.get("orderId").asText()).toList());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"status, DONE", "status, pending", "limit, 0", "limit, 201", "limit, x", "limit, 1.5",
            "next, not-a-token", "next, e30", "next, eyJvcmRlcklkIjoxfQ"})
    void badListParametersAreBadRequestsNamingTheField(String field, String value) {
        ResponseEntity<JsonNode> answer = http.getForEntity("/api/sagas?" + field + "={v}", JsonNode.class, value);

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(answer.getBody().get("field").asText()).isEqualTo(field);
    }

    @Test
    void aPendingListsTokenIsRefusedByAScannedStatus() {
        String pendingToken = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"createdAt\":\"2099-01-01T00:00:01.000Z\",\"orderId\":\"x\",\"pendingBucket\":\"PENDING\"}".getBytes());

        ResponseEntity<JsonNode> answer = http.getForEntity("/api/sagas?status=CONFIRMED&next={t}", JsonNode.class, pendingToken);

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getBody().get("field").asText()).isEqualTo("next");
        assertThat(http.getForEntity("/api/sagas?status=PENDING&next={t}", JsonNode.class, pendingToken)
                .getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void aTokenPointingOutsideThePendingPartitionIsABadRequest() {
        String reconcileToken = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"createdAt\":\"2099-01-01T00:00:01.000Z\",\"orderId\":\"x\",\"pendingBucket\":\"RECONCILE\"}".getBytes());

        ResponseEntity<JsonNode> answer = http.getForEntity("/api/sagas?next={t}", JsonNode.class, reconcileToken);

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getBody().get("field").asText()).isEqualTo("next");
    }

    private List<JsonNode> allPages(String status, int limit) {
        List<JsonNode> sagas = new ArrayList<>();
        String next = null;
        for (int page = 0; page < 1000; page++) {
            ResponseEntity<JsonNode> answer = next == null
                    ? http.getForEntity("/api/sagas?status={s}&limit={l}", JsonNode.class, status, limit)
                    : http.getForEntity("/api/sagas?status={s}&limit={l}&next={n}", JsonNode.class, status, limit, next);
            assertThat(answer.getStatusCode().value()).isEqualTo(200);
            assertThat(answer.getBody().get("sagas").size()).isLessThanOrEqualTo(limit);
            answer.getBody().get("sagas").forEach(sagas::add);
            if (!answer.getBody().has("next")) {
                return sagas;
            }
            next = answer.getBody().get("next").asText();
        }
        throw new AssertionError("the listing never ended");
    }

    private void stuckPending(String orderId, Instant createdAt) {
        String at = createdAt.toString().replace("Z", ".000Z");
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("orderId", AttributeValue.fromS(orderId));
        item.put("status", AttributeValue.fromS("PENDING"));
        item.put("pendingBucket", AttributeValue.fromS("PENDING"));
        item.put("createdAt", AttributeValue.fromS(at));
        item.put("updatedAt", AttributeValue.fromS(at));
        item.put("steps", AttributeValue.fromL(List.of(AttributeValue.fromM(Map.of("step", AttributeValue.fromS("order-create"),
                "status", AttributeValue.fromS("DONE"), "at", AttributeValue.fromS(at))))));
        item.put("doneSteps", AttributeValue.fromSs(List.of("order-create")));
        dynamoDb.putItem(b -> b.tableName("orders").item(item));
        written.add(orderId);
    }

    private String place(String sku, String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("Prefer", "wait=10");
        String body = "{\"customerId\":\"customer-1\",\"items\":[{\"sku\":\"" + sku + "\",\"quantity\":1}],"
                + "\"paymentToken\":\"" + token + "\"}";
        return http.postForEntity("/api/orders", new HttpEntity<>(body, headers), JsonNode.class).getBody()
                .get("orderId").asText();
    }

    private static JsonNode find(List<JsonNode> sagas, String orderId) {
        return sagas.stream().filter(saga -> saga.get("orderId").asText().equals(orderId)).findFirst().orElseThrow();
    }
}
