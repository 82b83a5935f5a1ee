package routes.explorer;

import static routes.aws.DynamoValues.s;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import routes.aws.resources.AwsResources;
import routes.aws.resources.ResourceNames;
import routes.ordersaga.OrderStatus;
import routes.saga.SagaRows;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Pages through the sagas of one status. PENDING ones come from the sparse pending index, oldest
 * first (its RECONCILE partition holds cancelled orders, never read here); ended ones from a Scan
 * with a filter, in the table's order. A Scan's limit counts rows before the filter, so pages are
 * read until enough match, up to {@link #MAX_READS} reads: then the page may be short, its
 * {@code next} still exact. A page that stops inside a read resumes after its last saga.
 */
@Component
class SagaListing {

    static final Set<String> TABLE_KEY = Set.of(SagaRow.ORDER_ID);
    static final Set<String> INDEX_KEY = Set.of(SagaRow.ORDER_ID, SagaRows.PENDING_BUCKET, SagaRow.CREATED_AT);
    private static final int READ_SIZE = 200;
    private static final int MAX_READS = 25;

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Clock clock;

    SagaListing(DynamoDbClient dynamoDb, ResourceNames names, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.table = names.ordersTable();
        this.clock = clock;
    }

    static Set<String> keyNames(OrderStatus status) {
        return status == OrderStatus.PENDING ? INDEX_KEY : TABLE_KEY;
    }

    /** Where a page of this status resumes: the key a {@code next} token holds, or a 400 naming {@code next}. */
    Map<String, AttributeValue> start(OrderStatus status, String token) {
        Map<String, AttributeValue> key = PageToken.decode(token, keyNames(status));
        // DynamoDB refuses a start key outside the queried partition: that is a bad token, not an outage.
        if (status == OrderStatus.PENDING && !SagaRows.RUNNING.equals(key.get(SagaRows.PENDING_BUCKET).s())) {
            throw PageToken.invalid();
        }
        return key;
    }

    SagaSummary.Page page(OrderStatus status, int limit, Map<String, AttributeValue> from) {
        List<SagaSummary> sagas = new ArrayList<>();
        Map<String, AttributeValue> start = from;
        for (int reads = 0; reads < MAX_READS; reads++) {
            Read read = read(status, start);
            for (int i = 0; i < read.items().size(); i++) {
                Map<String, AttributeValue> item = read.items().get(i);
                sagas.add(SagaSummary.of(SagaRow.of(item), clock.instant()));
                if (sagas.size() == limit) {
                    boolean lastOfAll = i == read.items().size() - 1 && read.next() == null;
                    return new SagaSummary.Page(sagas, lastOfAll ? null : PageToken.encode(keyOf(item, status)));
                }
            }
            start = read.next();
            if (start == null) {
                return new SagaSummary.Page(sagas, null);
            }
        }
        return new SagaSummary.Page(sagas, PageToken.encode(start));
    }

    private record Read(List<Map<String, AttributeValue>> items, Map<String, AttributeValue> next) {}

    private Read read(OrderStatus status, Map<String, AttributeValue> start) {
        Map<String, String> names = Map.of("#status", SagaRows.STATUS);
        Map<String, AttributeValue> values = Map.of(":status", s(status.name()));
        Map<String, AttributeValue> pending = Map.of(":status", s(status.name()), ":bucket", s(SagaRows.RUNNING));
        if (status == OrderStatus.PENDING) {
            var answer = dynamoDb.query(b -> b.tableName(table).indexName(AwsResources.ORDERS_PENDING_INDEX)
                    .keyConditionExpression("pendingBucket = :bucket")
                    // The bucket is cleared when the saga ends; the filter only guards a row caught in between.
                    .filterExpression("#status = :status")
                    .expressionAttributeNames(names).expressionAttributeValues(pending)
                    .scanIndexForward(true).limit(READ_SIZE).exclusiveStartKey(start));
            return new Read(answer.items(), answer.hasLastEvaluatedKey() && !answer.lastEvaluatedKey().isEmpty()
                    ? answer.lastEvaluatedKey() : null);
        }
        var answer = dynamoDb.scan(b -> b.tableName(table).filterExpression("#status = :status")
                .expressionAttributeNames(names).expressionAttributeValues(values)
                .limit(READ_SIZE).exclusiveStartKey(start));
        return new Read(answer.items(), answer.hasLastEvaluatedKey() && !answer.lastEvaluatedKey().isEmpty()
                ? answer.lastEvaluatedKey() : null);
    }

    private static Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item, OrderStatus status) {
        return keyNames(status).stream().collect(Collectors.toMap(name -> name, item::get));
    }
}
