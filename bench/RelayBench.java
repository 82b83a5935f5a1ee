import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import routes.aws.resources.ResourceNames;
import routes.order.OrderEvents;
import routes.ordersaga.Order;
import routes.ordersaga.OrderLine;
import routes.ordersaga.OrderLog;
import routes.outbox.CloudEventMapper;
import routes.outbox.OutboxEvent;
import routes.outbox.OutboxItems;
import routes.outbox.OutboxProperties;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;

/**
 * The outbox relay's throughput (events committed → all published and marked) against publishing
 * the same CloudEvents straight to SNS with PublishBatch through the SDK (the ceiling of this
 * machine and emulator), rounds alternating after a warm-up round; then the relay's lag at a
 * steady load, from each item's occurredAt and publishedAt.
 *
 * Usage: java -cp CLASSPATH bench/RelayBench.java BASE_URL DYNAMODB_URL SNS_URL EVENTS ROUNDS RATE SECONDS
 */
public class RelayBench {

    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        String base = args[0];
        DynamoDbClient dynamoDb = client(DynamoDbClient.builder(), args[1]);
        SnsClient sns = client(SnsClient.builder(), args[2]);
        int events = Integer.parseInt(args[3]);
        int rounds = Integer.parseInt(args[4]);
        int rate = Integer.parseInt(args[5]);
        int seconds = Integer.parseInt(args[6]);

        ResourceNames names = new Binder(new MapConfigurationPropertySource()).bindOrCreate("app.resources", ResourceNames.class);
        OrderLog orders = new OrderLog(dynamoDb, new OutboxItems(names), names, Clock.systemUTC());
        CloudEventMapper mapper = new CloudEventMapper(new OutboxProperties("/camel-saga-outbox", Duration.ofHours(24),
                Duration.ofSeconds(5), Duration.ofSeconds(5), 500, 10, Duration.ofMillis(500), 3, Duration.ofMillis(200),
                Duration.ofSeconds(5)));
        String topicArn = sns.createTopic(b -> b.name(names.topic())).topicArn();

        List<Double> relayRates = new ArrayList<>();
        List<Double> directRates = new ArrayList<>();
        for (int round = 0; round <= rounds; round++) {
            // Committed up front, then timed until the relay has published and marked every one.
            long commitStart = System.nanoTime();
            for (int i = 0; i < events; i++) {
                commit(orders);
            }
            double commitSeconds = (System.nanoTime() - commitStart) / 1e9;
            long relayStart = System.nanoTime();
            while (pending(dynamoDb) > 0) {
                Thread.sleep(20);
            }
            double relaySeconds = commitSeconds + (System.nanoTime() - relayStart) / 1e9;
            if (round == 0) {
                System.out.println("warm-up round done");
                continue;
            }
            relayRates.add(events / relaySeconds);

            long directStart = System.nanoTime();
            List<PublishBatchRequestEntry> batch = new ArrayList<>();
            for (int i = 0; i < events; i++) {
                OutboxEvent event = new OutboxEvent(UUID.randomUUID().toString(), "bench.direct", "order", "direct-" + i,
                        1, "direct-" + i, null, Instant.now(), "{}");
                batch.add(PublishBatchRequestEntry.builder().id(Integer.toString(batch.size()))
                        .message(mapper.toJson(event)).messageAttributes(mapper.attributes(event)).build());
                if (batch.size() == 10 || i == events - 1) {
                    List<PublishBatchRequestEntry> entries = List.copyOf(batch);
                    sns.publishBatch(b -> b.topicArn(topicArn).publishBatchRequestEntries(entries));
                    batch.clear();
                }
            }
            directRates.add(events / ((System.nanoTime() - directStart) / 1e9));
            System.out.printf("round %d: relay %.0f events/s (commit %.1f s of it), direct SNS PublishBatch %.0f events/s%n",
                    round, relayRates.get(round - 1), commitSeconds, directRates.get(round - 1));
        }

        // Steady load: RATE events per second for SECONDS; lag = publishedAt - occurredAt, both on the item.
        long intervalNanos = 1_000_000_000L / rate;
        long next = System.nanoTime();
        List<String> steady = new ArrayList<>();
        for (int i = 0; i < rate * seconds; i++) {
            steady.add(commit(orders));
            next += intervalNanos;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        }
        while (pending(dynamoDb) > 0) {
            Thread.sleep(20);
        }
        List<Long> lags = new ArrayList<>();
        for (String orderId : steady) {
            Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName("outbox").key(Map.of(
                    "aggregateKey", AttributeValue.fromS("order#" + orderId), "aggregateVersion", AttributeValue.fromN("1"))))
                    .item();
            lags.add(Duration.between(Instant.parse(item.get("occurredAt").s()), Instant.parse(item.get("publishedAt").s()))
                    .toMillis());
        }
        Collections.sort(lags);

        System.out.printf("%nEvents per round %d, rounds %d%n", events, rounds);
        System.out.printf("relay (commit → stream → CloudEvent → SNS → marked): median %.0f events/s%n", median(relayRates));
        System.out.printf("direct SNS PublishBatch of the same CloudEvents:   median %.0f events/s%n", median(directRates));
        System.out.printf("ratio relay / direct: %.2f%n", median(relayRates) / median(directRates));
        System.out.printf("relay lag (commit → SNS acknowledged) at %d events/s for %d s: p50 %d ms, p99 %d ms, max %d ms%n",
                rate, seconds, lags.get(lags.size() / 2), lags.get((int) Math.ceil(lags.size() * 0.99) - 1),
                lags.get(lags.size() - 1));
        System.exit(0);
    }

    static String commit(OrderLog orders) {
        String orderId = "relay-bench-" + UUID.randomUUID();
        Instant now = Instant.now();
        Order order = Order.placed(orderId, "bench", List.of(new OrderLine("SKU-1", 1, BigDecimal.ONE)), null, "bench", now);
        orders.create(order, OrderEvents.CREATED, OrderEvents.created(order), null);
        return orderId;
    }

    static long pending(DynamoDbClient dynamoDb) {
        return dynamoDb.queryPaginator(b -> b.tableName("outbox").indexName("outbox-pending")
                        .keyConditionExpression("pendingBucket = :p")
                        .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("PENDING"))).select("COUNT"))
                .stream().mapToLong(QueryResponse::count).sum();
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static <B extends AwsClientBuilder<B, C>, C> C client(B builder, String endpoint) {
        return builder.region(Region.US_EAST_1).endpointOverride(URI.create(endpoint))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
    }
}
