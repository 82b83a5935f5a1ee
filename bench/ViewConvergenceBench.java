import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import routes.outbox.CloudEventMapper;
import routes.outbox.OutboxEvent;
import routes.outbox.OutboxProperties;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * How long the running application's order view takes to equal the orders' final state after a
 * burst of saga events: ORDERS sagas (70% confirmed, 15% declined, 15% out of stock) progressing
 * CONCURRENCY at a time, their events sent to the order-view queue in that interleaved commit order
 * in batches of 10 (as the relay publishes), 3% of them twice.
 *
 * Usage: java -cp CLASSPATH bench/ViewConvergenceBench.java DYNAMODB_URL SQS_URL ORDERS CONCURRENCY
 */
public class ViewConvergenceBench {

    record Expected(String status, BigDecimal total, long version) {}

    public static void main(String[] args) throws Exception {
        DynamoDbClient dynamoDb = client(DynamoDbClient.builder(), args[0]);
        SqsClient sqs = client(SqsClient.builder(), args[1]);
        int orders = Integer.parseInt(args[2]);
        int concurrency = Integer.parseInt(args[3]);
        CloudEventMapper mapper = new CloudEventMapper(new OutboxProperties("/camel-saga-outbox", Duration.ofHours(24),
                Duration.ofSeconds(5), Duration.ofSeconds(5), 500, 10, Duration.ofMillis(500), 3, Duration.ofMillis(200),
                Duration.ofSeconds(5)));
        Random random = new Random(42);
        String customerId = "view-bench-" + UUID.randomUUID();

        Map<String, Expected> expected = new HashMap<>();
        List<List<OutboxEvent>> sagas = new ArrayList<>();
        for (int i = 0; i < orders; i++) {
            String orderId = "vb-" + i + "-" + UUID.randomUUID();
            int roll = random.nextInt(100);
            String[] types = roll < 70 ? new String[] {"order.created", "inventory.reserved", "payment.captured", "order.confirmed"}
                    : roll < 85 ? new String[] {"order.created", "inventory.reserved", "payment.declined", "inventory.released", "order.cancelled"}
                    : new String[] {"order.created", "order.cancelled"};
            BigDecimal total = BigDecimal.valueOf(1 + random.nextInt(500), 2);
            sagas.add(saga(customerId, orderId, total, types));
            expected.put(orderId, new Expected(roll < 70 ? "CONFIRMED" : "CANCELLED", total, types.length));
        }

        // Sagas run CONCURRENCY at a time, each step of a random running saga next: the relay's commit order.
        List<OutboxEvent> timeline = new ArrayList<>();
        List<List<OutboxEvent>> running = new ArrayList<>();
        int next = 0;
        while (next < sagas.size() || !running.isEmpty()) {
            while (running.size() < concurrency && next < sagas.size()) {
                running.add(new ArrayList<>(sagas.get(next++)));
            }
            List<OutboxEvent> saga = running.get(random.nextInt(running.size()));
            timeline.add(saga.remove(0));
            if (random.nextInt(100) < 3) {
                timeline.add(timeline.get(random.nextInt(timeline.size())));
            }
            if (saga.isEmpty()) {
                running.remove(saga);
            }
        }

        String queueUrl = sqs.getQueueUrl(b -> b.queueName("order-view")).queueUrl();
        String dlqUrl = sqs.getQueueUrl(b -> b.queueName("order-view-dlq")).queueUrl();
        long dlqBefore = depth(sqs, dlqUrl);
        long start = System.nanoTime();
        List<SendMessageBatchRequestEntry> batch = new ArrayList<>();
        for (int i = 0; i < timeline.size(); i++) {
            batch.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(batch.size()))
                    .messageBody(mapper.toJson(timeline.get(i))).build());
            if (batch.size() == 10 || i == timeline.size() - 1) {
                List<SendMessageBatchRequestEntry> entries = List.copyOf(batch);
                sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
                batch.clear();
            }
        }
        long sent = System.nanoTime();
        System.out.printf("%d orders, %d events (with duplicates) sent in %.1f s%n", orders, timeline.size(), (sent - start) / 1e9);

        long deadline = sent + Duration.ofMinutes(6).toNanos();
        int matching = 0;
        while (System.nanoTime() < deadline) {
            matching = matching(dynamoDb, customerId, expected);
            if (matching == orders) {
                break;
            }
            Thread.sleep(250);
        }
        long done = System.nanoTime();
        System.out.printf("view equals the expected state for %d of %d orders%n", matching, orders);
        System.out.printf("time from the last event sent to a converged view: %.1f s (from the first: %.1f s)%n",
                (done - sent) / 1e9, (done - start) / 1e9);
        System.out.printf("dead-lettered meanwhile: %d%n", depth(sqs, dlqUrl) - dlqBefore);
        System.exit(matching == orders ? 0 : 1);
    }

    static List<OutboxEvent> saga(String customerId, String orderId, BigDecimal total, String... types) {
        List<OutboxEvent> events = new ArrayList<>();
        String cause = null;
        for (int i = 0; i < types.length; i++) {
            String id = UUID.randomUUID().toString();
            boolean withTotal = types[i].equals("order.created") || types[i].equals("order.confirmed");
            events.add(new OutboxEvent(id, types[i], "order", orderId, i + 1, orderId, cause, Instant.now(),
                    "{\"orderId\":\"" + orderId + "\",\"customerId\":\"" + customerId + "\""
                            + (withTotal ? ",\"total\":" + total : "") + "}"));
            cause = id;
        }
        return events;
    }

    static int matching(DynamoDbClient dynamoDb, String customerId, Map<String, Expected> expected) {
        int matching = 0;
        Map<String, AttributeValue> startKey = null;
        do {
            Map<String, AttributeValue> from = startKey;
            var page = dynamoDb.query(b -> b.tableName("order_view").consistentRead(true)
                    .keyConditionExpression("customerId = :c").exclusiveStartKey(from)
                    .expressionAttributeValues(Map.of(":c", AttributeValue.fromS(customerId))));
            for (Map<String, AttributeValue> item : page.items()) {
                Expected want = expected.get(item.get("orderId").s());
                if (want != null && want.status().equals(item.get("status").s())
                        && Long.parseLong(item.get("version").n()) == want.version()
                        && item.containsKey("total") && new BigDecimal(item.get("total").n()).compareTo(want.total()) == 0) {
                    matching++;
                }
            }
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (startKey != null);
        return matching;
    }

    static long depth(SqsClient sqs, String url) {
        return Long.parseLong(sqs.getQueueAttributes(b -> b.queueUrl(url)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
                .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
    }

    static <B extends AwsClientBuilder<B, C>, C> C client(B builder, String endpoint) {
        return builder.region(Region.US_EAST_1).endpointOverride(URI.create(endpoint))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
    }
}
